package ma.amo.approvals;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import ma.amo.enrolment.Eligibility;
import ma.amo.enrolment.RightsChanged;
import ma.amo.enrolment.RightsChangedInBulk;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Requests still awaiting a decision follow their patient's rights: when rights close, are suspended or reopen, the
 * pre-check's finding on rights is made again for the day care starts, and the history says so, so the reviewer
 * decides on rights as they stand. The decision stays the reviewer's. A finding already up to date is left as it is,
 * so an event delivered again changes nothing.
 */
@Component
class RightsFollowed {

	private final Approvals approvals;
	private final Eligibility eligibility;
	private final Clock clock;

	RightsFollowed(Approvals approvals, Eligibility eligibility, Clock clock) {
		this.approvals = approvals;
		this.eligibility = eligibility;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(RightsChanged changed) {
		recheck(changed.idcs());
	}

	/** Many people at once: every pending request is looked at again, as there are few awaiting a reviewer. */
	@ApplicationModuleListener
	void on(RightsChangedInBulk changed) {
		approvals.pendingPatients().forEach(this::recheck);
	}

	private void recheck(String idcs) {
		for (Approval request : approvals.lockPendingOf(idcs)) {
			Approval.Finding now = PreCheck.rightsFinding(eligibility.of(idcs, request.expectedStart()),
					request.expectedStart());
			List<Approval.Finding> findings = new ArrayList<>();
			boolean replaced = false;
			for (Approval.Finding finding : request.preCheck()) {
				if (finding.code().equals(PreCheck.RIGHTS_OPEN)) {
					findings.add(now);
					replaced = true;
				}
				else {
					findings.add(finding);
				}
			}
			if (!replaced) {
				findings.addFirst(now);
			}
			if (findings.equals(request.preCheck())) {
				continue;
			}
			approvals.preCheck(request.id(), findings);
			approvals.step(request.id(), LocalDateTime.now(clock), "PRE_CHECK", request.status(), "platform",
					"Droits du patient revus: " + now.detail());
		}
	}
}
