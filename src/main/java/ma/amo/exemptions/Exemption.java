package ma.amo.exemptions;

import java.time.LocalDate;

/**
 * An ALD exemption: its number (cited on claims), the person, the condition, the days it is valid (until null: for
 * life) and, when revoked, from which day and why.
 */
public record Exemption(String number, String idcs, int conditionCode, String conditionLabel, LocalDate validFrom,
		LocalDate validUntil, String grantedBy, LocalDate revokedFrom, String revocation) {

	/** Whether the exemption covers care on {@code date}: within its validity and before any revocation. */
	public boolean validOn(LocalDate date) {
		return !date.isBefore(validFrom) && (validUntil == null || !date.isAfter(validUntil))
				&& (revokedFrom == null || date.isBefore(revokedFrom));
	}
}
