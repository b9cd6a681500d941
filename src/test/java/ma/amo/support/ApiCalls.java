package ma.amo.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every call the integration tests made through {@link Api} in this run of the suite: method, path and status. The
 * test that runs last checks each against the OpenAPI description, so that an answer the description does not list
 * fails the build.
 */
public final class ApiCalls {

	/** A call as the description is checked against: the method, the path without its query, the status. */
	public record Call(String method, String path, int status) {
	}

	private static final Set<Call> CALLS = ConcurrentHashMap.newKeySet();

	private ApiCalls() {
	}

	static void record(String method, String path, int status) {
		CALLS.add(new Call(method, path, status));
	}

	public static Set<Call> all() {
		return Set.copyOf(CALLS);
	}
}
