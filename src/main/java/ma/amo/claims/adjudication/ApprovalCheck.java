package ma.amo.claims.adjudication;

import java.time.LocalDate;
import java.util.Optional;

import ma.amo.shared.Money;

/**
 * Whether the prior approval a provider invoice cites covers a line of care, and if so the line uses it: the
 * approvals module checks the approval's patient, care, dates, amount and sessions and records what the line used.
 */
public interface ApprovalCheck {

	/** Why the approval does not cover the line, or empty when it does (and the line has used it). */
	Optional<String> refuses(String approval, String patientIdcs, String code, LocalDate careDate, long claimId,
			Money covered);
}
