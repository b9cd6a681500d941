package ma.amo.shared;

import java.util.Arrays;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents on every operation the refusals it really answers, as problem details: the security chain's (401 not
 * logged in, 403 refused, 429 too many requests) on all of them, 400 where the operation takes an input, 404 where
 * its path names a record, 413 where it takes a body. What only some operations answer (201, 202, 409...) is
 * annotated on the operation itself.
 */
@Component
class ProblemResponsesDescription implements OperationCustomizer {

	/** RFC 9457 problem details, with the platform's errors: each naming its field and rule. */
	@SuppressWarnings("rawtypes")
	private static final Schema PROBLEM = new ObjectSchema().addProperty("type", new StringSchema())
		.addProperty("title", new StringSchema()).addProperty("status", new IntegerSchema())
		.addProperty("detail", new StringSchema())
		.addProperty("errors", new ArraySchema().items(new ObjectSchema().addProperty("field", new StringSchema())
			.addProperty("rule", new StringSchema()).addProperty("message", new StringSchema())));

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
		add(responses, "401", "Not logged in, or an agent's second factor is missing");
		add(responses, "403", "Refused: the role may not call it, or the record is outside the caller's scope");
		add(responses, "429", "Too many requests: retry after the Retry-After delay");
		if (handler.getMethodParameters().length > 0) {
			add(responses, "400", "Invalid input: problem details naming each field and the rule it breaks");
		}
		if (Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(PathVariable.class))) {
			add(responses, "404", "Not found: problem details naming the field");
		}
		if (operation.getRequestBody() != null) {
			add(responses, "413", "Request body too large");
			if (operation.getRequestBody().getContent() != null
					&& operation.getRequestBody().getContent().containsKey("multipart/form-data")) {
				add(responses, "415", "The body is not multipart/form-data with the file");
			}
		}
		// A refusal's body is a problem detail, whatever the operation answers when it succeeds.
		responses.forEach((status, response) -> {
			if (status.startsWith("4") && !answersItsOwnBody(handler, status)) {
				response.setContent(new Content().addMediaType("application/problem+json", new MediaType().schema(PROBLEM)));
			}
		});
		operation.setResponses(responses);
		return operation;
	}

	/** A refusal annotated to carry the operation's own report (rejected rows) rather than a problem detail. */
	private static boolean answersItsOwnBody(HandlerMethod handler, String status) {
		return Arrays.stream(handler.getMethod().getAnnotationsByType(io.swagger.v3.oas.annotations.responses.ApiResponse.class))
			.anyMatch(r -> r.responseCode().equals(status) && r.useReturnTypeSchema());
	}

	private static void add(ApiResponses responses, String status, String description) {
		if (!responses.containsKey(status)) {
			responses.addApiResponse(status, new ApiResponse().description(description));
		}
	}
}
