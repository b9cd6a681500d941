package ma.amo.approvals;

import java.time.LocalDate;

import ma.amo.shared.Money;

/**
 * A medical reviewer decided a pending prior approval: approved (with what it grants), rejected, or a question to the
 * establishment. Published in the transaction that stores the decision.
 *
 * @param reference the approval ({@code PA-2026-000123})
 * @param patientIdcs the patient
 * @param establishmentInpe the establishment that asked
 * @param careType the care asked for
 * @param status {@code APPROVED}, {@code REJECTED} or {@code MORE_INFORMATION_REQUESTED}
 * @param amount the approved amount (null unless approved)
 * @param validFrom first day of validity (null unless approved)
 * @param validUntil last day of validity (null unless approved)
 * @param sessions sessions granted to a series (null otherwise)
 */
public record ApprovalDecided(String reference, String patientIdcs, String establishmentInpe, CareType careType,
		ApprovalStatus status, Money amount, LocalDate validFrom, LocalDate validUntil, Integer sessions) {
}
