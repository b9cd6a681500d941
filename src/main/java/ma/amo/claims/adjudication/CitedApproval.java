package ma.amo.claims.adjudication;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** The approval is cited and well formed (letters, digits and dashes, 6 to 30 characters). */
@Component
class CitedApproval implements ApprovalCheck {

	public Optional<String> refuses(String approval, String patientIdcs, String code, LocalDate careDate) {
		if (approval == null || approval.isBlank()) {
			return Optional.of("aucun accord préalable cité");
		}
		return approval.strip().matches("[A-Za-z0-9-]{6,30}") ? Optional.empty()
				: Optional.of("référence d'accord préalable " + approval.strip() + " mal formée");
	}
}
