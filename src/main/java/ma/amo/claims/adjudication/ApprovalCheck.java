package ma.amo.claims.adjudication;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Whether the prior approval a provider invoice cites covers the care. The approvals module will check the
 * approval's dates, amount and sessions; until it exists the check is that an approval is cited in the payer's
 * reference format.
 */
public interface ApprovalCheck {

	/** Why the approval does not cover the line, or empty when it does. */
	Optional<String> refuses(String approval, String patientIdcs, String code, LocalDate careDate);
}
