package ma.amo.fhir;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.UnaryOperator;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ma.amo.shared.AccessRefused;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.RuleBroken;
import ma.amo.shared.Violation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the modules' refusals into FHIR answers: an OperationOutcome with one issue per problem, its expression the
 * FHIR path of the element at fault ({@code Claim.item[2].productOrService}) when the refusal names a field of ours.
 * Invalid input is 400, a missing record 404, a record outside the caller's scope 403, a business rule 422; anything
 * else is an error of the platform, 500 without its details.
 */
@Interceptor
class Refusals {

	private static final Logger log = LoggerFactory.getLogger(Refusals.class);

	/** The request attribute under which a resource's mapping leaves how our fields translate to its paths. */
	static final String PATHS = Refusals.class.getName() + ".paths";

	/** How HAPI's messages name a parameter: {@code parameter 'beneficiary'}. */
	private static final Pattern HAPI_PARAMETER = Pattern.compile("parameter '([A-Za-z0-9_.:-]{1,60})'");

	@Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
	public BaseServerResponseException refusal(RequestDetails request, Throwable thrown) {
		UnaryOperator<String> paths = paths(request);
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidInput invalid) {
				return with(new InvalidRequestException(invalid.getMessage()),
						invalid.violations().stream().map(v -> issue(IssueType.INVALID, paths.apply(v.field()), v)).toList());
			}
			if (cause instanceof NotFound missing) {
				return with(new ResourceNotFoundException(missing.getMessage()),
						List.of(issue(IssueType.NOTFOUND, paths.apply(missing.field()), missing.getMessage())));
			}
			if (cause instanceof AccessRefused refused) {
				return with(new ForbiddenOperationException(refused.getMessage()),
						List.of(issue(IssueType.FORBIDDEN, null, refused.getMessage())));
			}
			if (cause instanceof RuleBroken broken) {
				return with(new UnprocessableEntityException(broken.getMessage()), List.of(issue(IssueType.BUSINESSRULE,
						paths.apply(broken.field()), broken.rule() + ": " + broken.getMessage())));
			}
			if (cause instanceof BaseServerResponseException answer && !(answer instanceof InternalErrorException)) {
				return named(answer);
			}
		}
		log.error("FHIR request {} failed", request.getRequestPath(), thrown);
		return with(new InternalErrorException("the platform could not answer this request"), List.of(
				issue(IssueType.EXCEPTION, null, "the platform could not answer this request; it was logged")));
	}

	/**
	 * HAPI's own refusal of a search parameter it could not bind (several values where one is taken, a modifier it
	 * does not know) names the parameter in its message only: the outcome gets it as its expression too.
	 */
	private static BaseServerResponseException named(BaseServerResponseException answer) {
		Matcher parameter = HAPI_PARAMETER.matcher(String.valueOf(answer.getMessage()));
		if (answer.getStatusCode() != 400 || !parameter.find()) {
			return answer;
		}
		if (answer.getOperationOutcome() instanceof OperationOutcome outcome && outcome.hasIssue()) {
			outcome.getIssue().stream().filter(i -> !i.hasExpression()).forEach(i -> i.addExpression(parameter.group(1)));
			return answer;
		}
		return with(answer, List.of(issue(IssueType.INVALID, parameter.group(1), answer.getMessage())));
	}

	@SuppressWarnings("unchecked")
	private static UnaryOperator<String> paths(RequestDetails request) {
		Object paths = request == null ? null : request.getUserData().get(PATHS);
		return paths instanceof UnaryOperator<?> operator ? (UnaryOperator<String>) operator : Refusals::fhirPath;
	}

	/** A field already named by its FHIR path ({@code CoverageEligibilityRequest.patient}), else none. */
	static String fhirPath(String field) {
		return field != null && !field.isEmpty() && Character.isUpperCase(field.charAt(0)) && field.indexOf('.') > 0
				? field : null;
	}

	private static BaseServerResponseException with(BaseServerResponseException answer,
			List<OperationOutcome.OperationOutcomeIssueComponent> issues) {
		OperationOutcome outcome = new OperationOutcome();
		issues.forEach(outcome::addIssue);
		answer.setOperationOutcome(outcome);
		return answer;
	}

	private static OperationOutcome.OperationOutcomeIssueComponent issue(IssueType type, String path, Violation v) {
		return issue(type, path, v.field() + " (" + v.rule() + "): " + v.message());
	}

	static OperationOutcome.OperationOutcomeIssueComponent issue(IssueType type, String path, String text) {
		var issue = new OperationOutcome.OperationOutcomeIssueComponent().setSeverity(IssueSeverity.ERROR).setCode(type)
			.setDiagnostics(text);
		if (path != null) {
			issue.addExpression(path);
		}
		return issue;
	}
}
