package ma.amo.pathway;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

/**
 * A referral as its author writes it; the referrer is the signed-in provider's INPE, never a field of the request.
 * Without {@code validUntil}, it is valid for the days of parameter {@code pathway.referral-validity-days}.
 */
public record NewReferral(@Size(max = 12) String patientIdcs, @Size(max = 100) String toSpecialty,
		@Size(max = 9) String toEstablishmentInpe, @Size(max = 1000) String reason, LocalDate referredOn,
		LocalDate validUntil) {
}
