package ma.amo.payments;

import java.time.Instant;
import java.time.LocalDate;

import ma.amo.payments.PayableClaims.PayeeKind;

/**
 * A payee's bank account from a date: the RIB and its IBAN, who recorded it and when. A later row of the same payee
 * replaces it from its own date; rows are never changed.
 */
public record BankAccount(long id, PayeeKind payeeKind, String payee, String rib, String iban, String bankCode,
		LocalDate validFrom, String recordedBy, Instant recordedAt) {
}
