package ma.amo.claims.adjudication;

import ma.amo.tariffs.CareLimits;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Care under an ALD exemption is priced at the exempted rate only when the ALD code is one of the list in force and
 * the exemption number is given (amo-rules.md, "Long-term conditions"); otherwise the lines are priced at the normal
 * rate, and the reason says why.
 */
@Component
@Order(40)
class LongTermConditionExemption implements Rule {

	private final CareLimits limits;

	LongTermConditionExemption(CareLimits limits) {
		this.limits = limits;
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
		if (limits.condition(code).isEmpty()) {
			claim.lines().forEach(l -> l.note(code() + ": ALD " + code + " absente de la liste, taux normal appliqué"));
			return;
		}
		claim.exempted(true);
		claim.lines().forEach(l -> l.note("ALD_EXEMPTION: ALD " + code + ", exonération n° "
				+ claim.claim().exemptionNumber()));
	}
}
