package ma.amo.web.portal;

import java.util.List;

import ma.amo.audit.AuditEntry;
import ma.amo.audit.AuditTrail;
import ma.amo.claims.Claim;
import ma.amo.claims.ClaimAdjudication;
import ma.amo.payments.StatementClaims;
import ma.amo.shared.Viewer;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * One claim as a provider or an insured person reads it: where it stands, its history, and each line with the base,
 * the rate, the covered amount, the patient's share and every reason with its French label. The claims module decides
 * whether the viewer may read it (a provider's own care, a member's family); the page records the read in the audit
 * trail, as a page is not an answer {@code @Audited} sees.
 */
@Component
class ClaimPage {

	private final ClaimAdjudication claims;
	private final StatementClaims explained;
	private final AuditTrail trail;

	ClaimPage(ClaimAdjudication claims, StatementClaims explained, AuditTrail trail) {
		this.claims = claims;
		this.explained = explained;
		this.trail = trail;
	}

	/** Fills the model of template {@code portal/claim} with claim {@code id}, or refuses it as the claims module does. */
	String show(long id, String back, Model model) {
		Claim claim = claims.claim(id);
		List<StatementClaims.Line> lines = explained.byIds(List.of(id)).stream().findFirst()
			.map(StatementClaims.DecidedClaim::lines).orElse(List.of());
		trail.record(Viewer.actingAccount(), AuditEntry.Action.READ, "CLAIM", Long.toString(id), "CLAIM_PROCESSING");
		model.addAttribute("claim", claim);
		model.addAttribute("lines", lines);
		model.addAttribute("history", claims.history(id));
		model.addAttribute("back", back);
		return "portal/claim";
	}
}
