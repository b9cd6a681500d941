package ma.amo.shared;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is asking, as the modules need to know it to limit what they read: the role, and the scope that goes with it
 * (a payer body and region for an agent, an INPE for a provider, an IDCS for a member). Work the platform does for
 * itself (batches, the demo, start-up) runs without a viewer and is not limited.
 */
public record Viewer(String name, Role role, String payerBody, String region, String inpe, String idcs)
		implements java.security.Principal {

	/** The name the audit trail records. */
	@Override
	public String getName() {
		return name;
	}

	/** The roles of the platform's users and systems. */
	public enum Role {
		REGULATOR, PAYER_AGENT, MEDICAL_REVIEWER, FINANCE, PROVIDER, MEMBER, DATA_PROTECTION_OFFICER, ADMINISTRATOR;

		/** Agents handle members' files: they log in with a second factor. */
		public boolean needsSecondFactor() {
			return this == PAYER_AGENT || this == MEDICAL_REVIEWER || this == FINANCE;
		}
	}

	/** The viewer of the current request; empty for the platform's own work. */
	public static java.util.Optional<Viewer> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof Viewer viewer
				? java.util.Optional.of(viewer) : java.util.Optional.empty();
	}

	/**
	 * The account acting in the current request: submissions and decisions are recorded under the authenticated
	 * account, never under a name the client sends, so that the record and the audit trail name the same account and
	 * maker-checker compares accounts.
	 */
	public static String actingAccount() {
		return current().map(Viewer::name).orElseThrow(() -> new AccessRefused("no authenticated account"));
	}

	/** Diagnoses and medical notes are for the medical reviewers only (loi 09-08, need to know). */
	public static boolean seesDiagnoses() {
		return current().map(v -> v.role() == Role.MEDICAL_REVIEWER).orElse(true);
	}

	/** Refuses the read when the current viewer's scope does not cover it. */
	public static void require(boolean allowed, String what) {
		if (!allowed) {
			throw new AccessRefused(what);
		}
	}
}
