package ma.amo.approvals;

import java.time.LocalDate;
import java.util.Optional;

import ma.amo.claims.ApprovalCheck;
import ma.amo.shared.Money;
import org.springframework.stereotype.Component;

/**
 * The approval a provider invoice cites, as claims asks about it. An approval the platform issued
 * ({@code PA-2026-000123}) is checked and used here; a reference in another format is an approval given outside the
 * platform (on paper, before the approvals module): it is only checked to be well formed (letters, digits and dashes,
 * 6 to 30 characters).
 */
@Component
class CitedApprovals implements ApprovalCheck {

	private final ApprovalUses uses;

	CitedApprovals(ApprovalUses uses) {
		this.uses = uses;
	}

	@Override
	public Optional<String> refuses(String approval, String patientIdcs, String code, LocalDate careDate, long claimId,
			Money covered) {
		if (approval == null || approval.isBlank()) {
			return Optional.of("aucun accord préalable cité");
		}
		if (ApprovalUses.issuedHere(approval)) {
			return uses.use(approval, patientIdcs, code, careDate, claimId, covered);
		}
		return approval.strip().matches("[A-Za-z0-9-]{6,30}") ? Optional.empty()
				: Optional.of("référence d'accord préalable " + approval.strip() + " mal formée");
	}
}
