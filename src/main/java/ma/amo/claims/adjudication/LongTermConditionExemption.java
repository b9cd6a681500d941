package ma.amo.claims.adjudication;

import java.util.Optional;

import ma.amo.exemptions.Exemption;
import ma.amo.exemptions.Exemptions;
import ma.amo.tariffs.CareLimits;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Care under an ALD exemption is priced at the exempted rate only when the ALD code is one of the list and the
 * exemption number cited is the patient's exemption for that condition, valid on the date of care (amo-rules.md,
 * "Long-term conditions": 5 years, or for life); otherwise the lines are priced at the normal rate, and the reason
 * says why. The reasons never name the condition nor the exemption number: they are read by more people than the
 * medical reviewers, and the claim keeps both encrypted.
 */
@Component
@Order(40)
class LongTermConditionExemption implements Rule {

	private final CareLimits limits;
	private final Exemptions exemptions;

	LongTermConditionExemption(CareLimits limits, Exemptions exemptions) {
		this.limits = limits;
		this.exemptions = exemptions;
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
		String number = claim.claim().exemptionNumber();
		String problem = problem(claim, code, number);
		if (problem != null) {
			claim.lines().forEach(l -> l.note(code() + ": " + problem + ", taux normal appliqué"));
			return;
		}
		claim.exempted(true);
		claim.lines().forEach(l -> l.note("ALD_EXEMPTION: exonération valide à la date des soins, taux exonéré"));
	}

	/** Why the exemption does not apply, or null when it does. */
	private String problem(Adjudicating claim, int code, String number) {
		if (limits.condition(code).isEmpty()) {
			return "affection absente de la liste des ALD";
		}
		Optional<Exemption> found = exemptions.find(number);
		if (found.isEmpty() || !found.get().idcs().equals(claim.claim().patientIdcs())) {
			return "exonération citée inconnue pour ce patient";
		}
		Exemption exemption = found.get();
		if (exemption.conditionCode() != code) {
			return "exonération citée accordée pour une autre affection";
		}
		if (!exemption.validOn(claim.careDate())) {
			return "exonération non valide au " + Dates.french(claim.careDate()) + " (du "
					+ Dates.french(exemption.validFrom()) + (exemption.validUntil() == null ? "" : " au "
							+ Dates.french(exemption.validUntil()))
					+ (exemption.revokedFrom() == null ? "" : ", révoquée le " + Dates.french(exemption.revokedFrom())) + ")";
		}
		return null;
	}
}
