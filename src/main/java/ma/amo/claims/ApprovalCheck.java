package ma.amo.claims;

import java.time.LocalDate;
import java.util.Optional;

import ma.amo.shared.Money;

/**
 * Whether the prior approval a provider invoice cites covers a line of care, and if so the line uses it. Claims asks
 * through this interface and the approvals module answers it, checking the approval's patient, care, dates, amount and
 * sessions and recording what the line used: claims never depends on approvals, which follows claims by their events.
 */
public interface ApprovalCheck {

	/** Why the approval does not cover the line, or empty when it does (and the line has used it). */
	Optional<String> refuses(String approval, String patientIdcs, String code, LocalDate careDate, long claimId,
			Money covered);
}
