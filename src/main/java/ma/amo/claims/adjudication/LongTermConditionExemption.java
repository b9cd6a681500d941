package ma.amo.claims.adjudication;

import org.springframework.stereotype.Component;

/**
 * Care under an ALD exemption is priced at the exempted rate only when the ALD code is one of the list and the
 * exemption number cited is the patient's exemption for that condition, valid on the date of care (amo-rules.md,
 * "Long-term conditions": 5 years, or for life); otherwise the lines are priced at the normal rate, and the reason
 * says why. The reasons never name the condition nor the exemption number: they are read by more people than the
 * medical reviewers, and the claim keeps both encrypted.
 */
@Component
class LongTermConditionExemption implements Rule {

	private final CitedExemption cited;

	LongTermConditionExemption(CitedExemption cited) {
		this.cited = cited;
	}

	public String code() {
		return "ALD_NOT_RECOGNISED";
	}

	public String label() {
		return "Exonération ALD non reconnue: remboursement au taux normal";
	}

	public String source() {
		return "amo-rules.md, Long-term conditions (arrêté 2518-05)";
	}

	public void apply(Adjudicating claim) {
		Integer code = claim.claim().aldCode();
		if (code == null) {
			return;
		}
		String problem = cited.problem(claim);
		if (problem != null) {
			claim.lines().forEach(l -> l.note(new Explanation(code(), problem + ", taux normal appliqué")));
			return;
		}
		claim.exempted(true);
		claim.lines().forEach(l -> l.note(new Explanation("ALD_EXEMPTION", "exonération valide à la date des soins, taux exonéré")));
	}
}
