package ma.amo.shared;

import java.net.URI;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refusal into an RFC 9457 problem detail whose {@code errors} name the field and the rule, and never
 * lets a stack trace reach the client.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

	@ExceptionHandler(InvalidInput.class)
	ProblemDetail invalidInput(InvalidInput e) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage(), e.violations());
	}

	@ExceptionHandler(NotFound.class)
	ProblemDetail notFound(NotFound e) {
		return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(),
				List.of(new Violation(e.field(), "not-found", e.getMessage())));
	}

	@ExceptionHandler(RuleBroken.class)
	ProblemDetail ruleBroken(RuleBroken e) {
		return problem(HttpStatus.CONFLICT, "Refused by a business rule", e.getMessage(),
				List.of(new Violation(e.field(), e.rule(), e.getMessage())));
	}

	@ExceptionHandler(AccessRefused.class)
	ProblemDetail accessRefused(AccessRefused e) {
		return problem(HttpStatus.FORBIDDEN, "Outside your access", e.getMessage(), List.of());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
		String message = "'" + e.getValue() + "' " + UnreadableValue.expected(e.getRequiredType());
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getName() + ": " + message,
				List.of(new Violation(e.getName(), "format", message)));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String message = "is required";
		return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid input",
				e.getParameterName() + ": " + message, List.of(new Violation(e.getParameterName(), "required", message))));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String message = "is required";
		return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid input",
				e.getRequestPartName() + ": " + message, List.of(new Violation(e.getRequestPartName(), "required", message))));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Violation> violations = e.getBindingResult().getFieldErrors().stream()
			.map(f -> new Violation(f.getField(), rule(f), f.getDefaultMessage()))
			.toList();
		String detail = violations.isEmpty() ? "invalid request body"
				: violations.getFirst().field() + ": " + violations.getFirst().message();
		return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid input", detail, violations));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (e.getMostSpecificCause() instanceof InvalidInput invalid) {
			return ResponseEntity.badRequest().body(invalidInput(invalid));
		}
		Violation violation = UnreadableValue.of(e);
		String detail = violation.field().equals("body") ? violation.message()
				: violation.field() + ": " + violation.message();
		return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Malformed request body", detail,
				List.of(violation)));
	}

	/** A lock not obtained within its bounded wait (another submission under the same key is still running). */
	@ExceptionHandler(PessimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> busy(PessimisticLockingFailureException e) {
		String message = "the same submission or record is being processed by another request; retry in a moment";
		return ResponseEntity.status(HttpStatus.CONFLICT).header(HttpHeaders.RETRY_AFTER, "1")
			.body(problem(HttpStatus.CONFLICT, "Busy", message, List.of(new Violation("body", "in-progress", message))));
	}

	/**
	 * Two requests stored the same thing at the same instant and the database kept one: the other is told so, and a
	 * retry finds what was stored. Submissions with an idempotency key do not get here (they hold their key).
	 */
	@ExceptionHandler(DuplicateKeyException.class)
	ProblemDetail duplicate(DuplicateKeyException e) {
		log.warn("Concurrent duplicate refused by a unique index: {}", e.getMostSpecificCause().getMessage());
		String message = "the same record was stored by another request at the same time; retry to read it";
		return problem(HttpStatus.CONFLICT, "Stored by another request", message,
				List.of(new Violation("body", "duplicate", message)));
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception e) {
		log.error("Unexpected error", e);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"The request could not be completed; it has been logged.", List.of());
	}

	private static String rule(FieldError error) {
		return error.getCode() == null ? "invalid" : error.getCode().toLowerCase();
	}

	static ProblemDetail problem(HttpStatus status, String title, String detail, List<Violation> violations) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("https://amo.ma/problems/" + status.value()));
		if (!violations.isEmpty()) {
			problem.setProperty("errors", violations);
		}
		return problem;
	}
}
