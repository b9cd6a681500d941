package ma.amo.regulation;

import java.time.Instant;
import java.time.LocalDate;

import ma.amo.providers.ProviderStatus;
import ma.amo.shared.RuleBroken;

/**
 * A change to the provider directory the regulator proposes: a convention with a payer body for a period, or a
 * provider's status from a date. Applied when a second regulator account approves it; the proposer can neither
 * approve nor reject it.
 */
public record ReferentialChange(long id, Kind kind, String inpe, String payerBody, LocalDate startDate,
		LocalDate endDate, ProviderStatus providerStatus, String reason, Status status, String proposedBy,
		Instant proposedAt, String decidedBy, Instant decidedAt, String decisionNote) {

	public enum Kind {
		CONVENTION, PROVIDER_STATUS
	}

	public enum Status {
		PROPOSED, APPLIED, REJECTED
	}

	/** The checker's decision: only on a proposed change, never by its proposer. */
	void decidedBy(String checker) {
		if (status != Status.PROPOSED) {
			throw new RuleBroken("id", "already-decided", "change " + id + " is already " + status);
		}
		if (checker.equals(proposedBy)) {
			throw new RuleBroken("account", "maker-checker", "the regulator who proposed a change cannot approve or reject it");
		}
	}
}
