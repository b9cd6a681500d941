package ma.amo.claims.adjudication;

import java.util.Optional;

import ma.amo.claims.ApprovalCheck;
import ma.amo.claims.ClaimKind;
import org.springframework.stereotype.Component;

/**
 * Care that needs a prior approval (hospital stays, costly care, multi-session acts; the act's flag in the tariff)
 * is flagged; a provider invoice for it must cite an approval that covers it, a member's claim goes to an agent
 * (amo-rules.md, "Procedures and deadlines").
 */
@Component
class PriorApproval implements Rule {

	private final ApprovalCheck approvals;

	PriorApproval(ApprovalCheck approvals) {
		this.approvals = approvals;
	}

	public String code() {
		return "PRIOR_APPROVAL_MISSING";
	}

	public String label() {
		return "Soin soumis à accord préalable sans accord valable";
	}

	public String source() {
		return "amo-rules.md, Procedures and deadlines";
	}

	public void apply(Adjudicating claim) {
		for (LineDecision line : claim.lines()) {
			if (line.rejected() || !line.needsPriorApproval()) {
				continue;
			}
			if (claim.claim().kind() == ClaimKind.PROVIDER_INVOICE) {
				Optional<String> refused = approvals.refuses(claim.claim().priorApproval(), claim.claim().patientIdcs(),
						line.code(), claim.careDate(), claim.claim().id(), line.covered());
				refused.ifPresent(why -> line.reject(this, line.code() + " soumis à accord préalable: " + why));
			}
			else {
				claim.review(this, "ligne " + line.line() + " (" + line.code() + ") soumise à accord préalable");
			}
		}
	}
}
