package ma.amo.regulation;

import java.time.LocalDate;
import java.util.List;

import ma.amo.providers.Profession;
import ma.amo.providers.Sector;
import ma.amo.shared.RuleBroken;

/**
 * A request for an INPE: a professional's (profession, specialty, diploma and order registration references) or an
 * establishment's (category, sector, authorisation reference, address), where it stands and its steps.
 * <p>
 * The request owns its life: {@link #informationRequested()}, {@link #answered()}, {@link #approvalProposed()},
 * {@link #approved(String)} and {@link #refused()} answer the status it reaches or refuse a step its status does not
 * allow. Approval is maker-checker: one regulator proposes it, another approves it and the INPE is issued.
 */
public record InpeRequest(long id, String reference, Kind kind, Status status, String lastName, String firstName,
		Profession profession, String specialty, String diplomaReference, String orderNumber, String name,
		String category, Sector sector, String authorisationReference, String address, String region, String province,
		String commune, String filedBy, LocalDate filedOn, String approvalProposedBy, String decidedBy,
		LocalDate decidedOn, String refusalReason, String inpe, List<Step> steps) {

	public enum Kind {
		PROFESSIONAL, ESTABLISHMENT
	}

	/** FILED → INFORMATION_REQUESTED ↔ FILED → APPROVAL_PROPOSED → APPROVED (INPE issued); REFUSED from any open step. */
	public enum Status {
		FILED, INFORMATION_REQUESTED, APPROVAL_PROPOSED, APPROVED, REFUSED;

		boolean open() {
			return this != APPROVED && this != REFUSED;
		}
	}

	/** A step of the request: the status it reached, when, by which account, and the message to the applicant. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "InpeRequestStep")
	public record Step(java.time.Instant at, Status status, String actor, String message) {
	}

	/** The regulator asks the applicant for more: only a request under examination. */
	Status informationRequested() {
		require(status == Status.FILED || status == Status.APPROVAL_PROPOSED, "information",
				"more information is asked of a request filed or proposed for approval");
		return Status.INFORMATION_REQUESTED;
	}

	/** The applicant's answer, recorded at the desk, puts the request back under examination. */
	Status answered() {
		require(status == Status.INFORMATION_REQUESTED, "answer", "only a request waiting for information is answered");
		return Status.FILED;
	}

	Status approvalProposed() {
		require(status == Status.FILED, "proposal", "only a filed request, with nothing asked of the applicant, is proposed for approval");
		return Status.APPROVAL_PROPOSED;
	}

	/** The second regulator approves; the one who proposed cannot (maker-checker). */
	Status approved(String checker) {
		require(status == Status.APPROVAL_PROPOSED, "approval", "only a request proposed for approval is approved");
		if (checker.equals(approvalProposedBy)) {
			throw new RuleBroken("account", "maker-checker", "the regulator who proposed the approval cannot approve it");
		}
		return Status.APPROVED;
	}

	Status refused() {
		require(status.open(), "refusal", "the request is already " + status);
		return Status.REFUSED;
	}

	private void require(boolean allowed, String step, String why) {
		if (!allowed) {
			throw new RuleBroken("status", "step-" + step, "request " + reference + " is " + status + ": " + why);
		}
	}
}
