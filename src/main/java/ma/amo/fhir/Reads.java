package ma.amo.fhir;

import java.util.List;
import java.util.regex.Pattern;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ma.amo.audit.AuditEntry;
import ma.amo.audit.AuditTrail;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.Viewer;
import org.springframework.stereotype.Component;

/**
 * The audit of what FHIR answers, as the REST API records it: one entry per record of a person a successful answer
 * names, under the authenticated account, for the purpose in header {@code X-Purpose} or the operation's own.
 */
@Component
@Interceptor
class Reads {

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");

	private final AuditTrail trail;

	Reads(AuditTrail trail) {
		this.trail = trail;
	}

	void read(RequestDetails request, String record, List<String> ids, String purpose) {
		record(request, AuditEntry.Action.READ, record, ids, purpose);
	}

	/** A read answered outside HAPI's request cycle, with the purpose the client stated (null: the operation's). */
	void read(String stated, String record, List<String> ids, String purpose) {
		trail.record(Viewer.current().map(Viewer::name).orElse("anonymous"), AuditEntry.Action.READ, record, ids,
				stated == null ? purpose : stated);
	}

	void changed(RequestDetails request, String record, String id, String purpose) {
		record(request, AuditEntry.Action.CHANGE, record, List.of(id), purpose);
	}

	/** One entry for the records changed by one request, e.g. the claims of a batch. */
	void changed(RequestDetails request, String record, List<String> ids, String purpose) {
		record(request, AuditEntry.Action.CHANGE, record, ids, purpose);
	}

	/** Refuses, before anything is read, a purpose that is not a code. */
	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public void checkPurpose(RequestDetails request) {
		String purpose = request.getHeader("X-Purpose");
		if (purpose != null && !CODE.matcher(purpose).matches()) {
			throw new InvalidInput("X-Purpose", "format",
					"must be a purpose code in capitals, e.g. ELIGIBILITY_CHECK or CLAIM_PROCESSING");
		}
	}

	private void record(RequestDetails request, AuditEntry.Action action, String record, List<String> ids,
			String purpose) {
		String stated = request.getHeader("X-Purpose");
		trail.record(Viewer.current().map(Viewer::name).orElse("anonymous"), action, record, ids,
				stated == null ? purpose : stated);
	}
}
