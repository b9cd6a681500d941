package ma.amo.claims.adjudication;

import java.util.Optional;

import ma.amo.exemptions.Exemption;
import ma.amo.exemptions.Exemptions;
import ma.amo.tariffs.CareLimits;
import org.springframework.stereotype.Component;

/**
 * Whether the ALD exemption a claim cites covers its care: the condition is one of the list, the exemption number is
 * the patient's exemption for that condition, valid on the date of care (amo-rules.md, "Long-term conditions": 5
 * years, or for life). Read by the rights rule (ALD care continues when a salaried member's rights lapse) and by the
 * exemption rule (the exempted rate).
 */
@Component
class CitedExemption {

	private final CareLimits limits;
	private final Exemptions exemptions;

	CitedExemption(CareLimits limits, Exemptions exemptions) {
		this.limits = limits;
		this.exemptions = exemptions;
	}

	/** Whether the claim cites an exemption that covers its care. */
	boolean covers(Adjudicating claim) {
		return claim.claim().aldCode() != null && problem(claim) == null;
	}

	/**
	 * Why the cited exemption does not cover the care, or null when it does. Never names the condition nor the
	 * exemption number: the reasons are read by more people than the medical reviewers.
	 */
	String problem(Adjudicating claim) {
		int code = claim.claim().aldCode();
		// The list as it stands on the date of care: a condition retired from it no longer carries the exempted rate.
		if (limits.condition(code, claim.careDate()).isEmpty()) {
			return "affection absente de la liste des ALD au " + Dates.french(claim.careDate());
		}
		Optional<Exemption> found = exemptions.find(claim.claim().exemptionNumber());
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
