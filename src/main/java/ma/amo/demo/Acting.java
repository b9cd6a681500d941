package ma.amo.demo;

import java.util.List;
import java.util.function.Supplier;

import ma.amo.shared.Viewer;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The demo's year of activity is done by the accounts that would do it in use: the finance account records bank
 * accounts, the medical reviewer decides prior approvals, an establishment's information system asks for them. The
 * services read the acting account from the security context, as for a signed-in request; the demo signs in there for
 * the length of one call.
 */
final class Acting {

	static final Viewer MEDICAL_REVIEWER = new Viewer("medecin.conseil", Viewer.Role.MEDICAL_REVIEWER, null, null, null,
			null);
	static final Viewer FINANCE = new Viewer("finances", Viewer.Role.FINANCE, null, null, null, null);
	/** The second finance account, who approves the batches the first prepares. */
	static final Viewer FINANCE_CHECKER = new Viewer("finances.controle", Viewer.Role.FINANCE, null, null, null, null);

	private Acting() {
	}

	static Viewer establishment(String inpe) {
		return new Viewer("si-" + inpe, Viewer.Role.PROVIDER, null, null, inpe, null);
	}

	static <T> T as(Viewer viewer, Supplier<T> call) {
		var context = SecurityContextHolder.getContext();
		var before = context.getAuthentication();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(viewer, null, List.of()));
		try {
			return call.get();
		}
		finally {
			context.setAuthentication(before);
		}
	}
}
