package ma.amo.approvals;

import java.time.LocalDate;

import ma.amo.shared.Money;

/**
 * A medical reviewer extended an approval still valid: its new end, and the amount and sessions it now grants in all.
 * Published in the transaction that stores the extension.
 *
 * @param reference the approval
 * @param patientIdcs the patient
 * @param validUntil the new last day of validity
 * @param amount the amount granted in all
 * @param sessions the sessions granted in all (null unless a series)
 */
public record ApprovalExtended(String reference, String patientIdcs, LocalDate validUntil, Money amount,
		Integer sessions) {
}
