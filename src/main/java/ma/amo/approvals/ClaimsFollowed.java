package ma.amo.approvals;

import ma.amo.claims.ClaimDecided;
import ma.amo.claims.ClaimStatus;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Approvals follow the invoices that used them: an invoice rejected in the end (by the rules or by an agent's review)
 * pays nothing, so what its lines took of the approval it cites is given back, and a corrected invoice can use it.
 * The registry may deliver the event again; what was given back is not given twice.
 */
@Component
class ClaimsFollowed {

	private final ApprovalUses uses;

	ClaimsFollowed(ApprovalUses uses) {
		this.uses = uses;
	}

	/**
	 * Only rejections citing an approval are stored for this listener: the registry evaluates the condition before it
	 * stores a publication, and a run of a million adjudications must not write a million rows for nothing.
	 */
	@ApplicationModuleListener(condition = "#root.args[0].status().name() == 'REJECTED' and #root.args[0].priorApproval() != null")
	void on(ClaimDecided decided) {
		if (decided.status() == ClaimStatus.REJECTED && ApprovalUses.issuedHere(decided.priorApproval())) {
			uses.release(decided.priorApproval(), decided.claimId(), "Facture n° " + decided.claimId() + " rejetée");
		}
	}
}
