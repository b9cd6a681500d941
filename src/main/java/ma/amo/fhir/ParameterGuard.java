package ma.amo.fhir;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import java.io.IOException;
import java.io.UncheckedIOException;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * The bounds every URL parameter of the FHIR server keeps, checked before HAPI binds any: a name of 100 characters
 * at most, 10 values of 1,000 characters at most, no control character, 30 parameters at most. No search or operation
 * of the platform needs more, and a value outside these would otherwise reach a parser or the database (a NUL byte
 * is an error of PostgreSQL, not a mismatch) and come back as a 500. The refusal names the parameter. It is written
 * here, as the answer, rather than thrown: HAPI logs an exception thrown by an interceptor as an error with its stack,
 * and a client sending hostile parameters would fill the logs.
 */
@Interceptor
class ParameterGuard {

	static final int MOST_PARAMETERS = 30;
	static final int MOST_VALUES = 10;
	static final int NAME_LENGTH = 100;
	static final int VALUE_LENGTH = 1_000;

	private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

	/** The paging parameters, whole numbers that HAPI would otherwise refuse without naming them. */
	private static final Set<String> PAGING = Set.of("_count", "_offset");

	private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");

	private final FhirContext context;

	ParameterGuard(FhirContext context) {
		this.context = context;
	}

	/** A parameter out of its bounds, and the rule it breaks. */
	private record Refused(String parameter, String rule) {
	}

	/** Before HAPI reads the request: its choice of a method would otherwise refuse a long name without naming it. */
	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
	public boolean check(HttpServletRequest request, HttpServletResponse response) {
		Refused refused = refusal(request.getParameterMap());
		if (refused == null) {
			return true;
		}
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue(Refusals.issue(IssueType.INVALID, refused.parameter(),
				refused.parameter() + " (bounds): " + refused.rule()));
		response.setStatus(400);
		response.setContentType("application/fhir+json;charset=utf-8");
		try {
			response.getWriter().write(context.newJsonParser().encodeResourceToString(outcome));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return false;
	}

	private static Refused refusal(Map<String, String[]> parameters) {
		if (parameters.size() > MOST_PARAMETERS) {
			return new Refused("parameters", "at most " + MOST_PARAMETERS + " parameters");
		}
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			String name = parameter.getKey();
			if (name.length() > NAME_LENGTH || CONTROL.matcher(name).find()) {
				return new Refused("parameters",
						"a parameter's name has " + NAME_LENGTH + " characters at most, none a control character");
			}
			String[] values = parameter.getValue();
			if (values.length > MOST_VALUES) {
				return new Refused(name, "at most " + MOST_VALUES + " values");
			}
			for (String value : values) {
				if (value.length() > VALUE_LENGTH) {
					return new Refused(name, "at most " + VALUE_LENGTH + " characters");
				}
				if (CONTROL.matcher(value).find()) {
					return new Refused(name, "no control character (tab, line feed, NUL...)");
				}
				if (PAGING.contains(name) && !NUMBER.matcher(value).matches()) {
					return new Refused(name, "a whole number from 0, of 9 digits at most");
				}
			}
		}
		return null;
	}
}
