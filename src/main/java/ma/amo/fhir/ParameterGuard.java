package ma.amo.fhir;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * The bounds every URL parameter of the FHIR server keeps, checked before HAPI binds any: a name of 100 characters
 * at most, 10 values of 1,000 characters at most, no control character, 30 parameters at most. No search or operation
 * of the platform needs more, and a value outside these would otherwise reach a parser or the database (a NUL byte
 * is an error of PostgreSQL, not a mismatch) and come back as a 500. The refusal names the parameter.
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

	/** Before HAPI reads the request: its choice of a method would otherwise refuse a long name without naming it. */
	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
	public boolean check(HttpServletRequest request) {
		Map<String, String[]> parameters = request.getParameterMap();
		if (parameters.size() > MOST_PARAMETERS) {
			throw refused("parameters", "at most " + MOST_PARAMETERS + " parameters");
		}
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			String name = parameter.getKey();
			if (name.length() > NAME_LENGTH || CONTROL.matcher(name).find()) {
				throw refused("parameters", "a parameter's name has " + NAME_LENGTH + " characters at most, none a control character");
			}
			String[] values = parameter.getValue();
			if (values.length > MOST_VALUES) {
				throw refused(name, "at most " + MOST_VALUES + " values");
			}
			for (String value : values) {
				if (value.length() > VALUE_LENGTH) {
					throw refused(name, "at most " + VALUE_LENGTH + " characters");
				}
				if (CONTROL.matcher(value).find()) {
					throw refused(name, "no control character (tab, line feed, NUL...)");
				}
				if (PAGING.contains(name) && !NUMBER.matcher(value).matches()) {
					throw refused(name, "a whole number from 0, of 9 digits at most");
				}
			}
		}
		return true;
	}

	private static InvalidRequestException refused(String parameter, String rule) {
		InvalidRequestException refused = new InvalidRequestException(parameter + ": " + rule);
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue(Refusals.issue(IssueType.INVALID, parameter, parameter + " (bounds): " + rule));
		refused.setOperationOutcome(outcome);
		return refused;
	}
}
