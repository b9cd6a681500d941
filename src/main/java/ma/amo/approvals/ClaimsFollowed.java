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

	@ApplicationModuleListener
	void on(ClaimDecided decided) {
		if (decided.status() == ClaimStatus.REJECTED && ApprovalUses.issuedHere(decided.priorApproval())) {
			uses.release(decided.priorApproval(), decided.claimId(), "Facture n° " + decided.claimId() + " rejetée");
		}
	}
}
