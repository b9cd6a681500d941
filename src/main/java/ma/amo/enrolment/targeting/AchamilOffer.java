package ma.amo.enrolment.targeting;

import java.math.BigDecimal;
import java.time.LocalDate;

import ma.amo.shared.Masking;

/**
 * The Achamil offer made to a member who left Tadamon because the household's RSU score reached the threshold: the
 * monthly amount of their score band (amo-rules.md, "Achamil monthly bands") and the last day of their Tadamon period.
 */
@io.swagger.v3.oas.annotations.media.Schema(name = "AchamilOffer")
public record AchamilOffer(long id, String householdId, String idcs, String registrationNumber, LocalDate offeredOn,
		BigDecimal score, BigDecimal monthlyAmount, LocalDate tadamonEndsOn, long targetingRunId) {

	@Override
	public String toString() {
		return "AchamilOffer[id=" + id + ", idcs=" + Masking.idcs(idcs) + ", monthlyAmount=" + monthlyAmount + "]";
	}
}
