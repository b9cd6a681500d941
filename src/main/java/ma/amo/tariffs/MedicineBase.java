package ma.amo.tariffs;

import java.time.LocalDate;

import ma.amo.shared.Money;
import ma.amo.shared.Rate;

/**
 * The reimbursement base of a medicine for a payer body on a date, and why: the referential version in force, the
 * rule and price column the payer applies, and the medicine whose price is the base (a generic of the group, or the
 * medicine itself).
 */
public record MedicineBase(Medicine medicine, String payerBody, LocalDate date, long referentialId,
		LocalDate referentialFrom, BaseRule rule, String priceColumn, Medicine reference, Money base, Rate rate,
		String explanation) {
}
