package ma.amo.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Checks every request body against the constraints declared on its record ({@code @Size}, {@code @PastOrPresent},
 * {@code @Digits}...), whether or not its controller asks for it: a body that breaks one is refused with each field's
 * path and rule before the controller runs. "Today" and "the past" are those of the platform's {@link Clock}.
 */
@ControllerAdvice
class BodyConstraints extends RequestBodyAdviceAdapter {

	private final Validator validator;

	BodyConstraints(Validator validator) {
		this.validator = validator;
	}

	@Bean
	static ValidationConfigurationCustomizer platformClock(Clock clock) {
		return configuration -> {
			configuration.clockProvider(() -> clock);
			if (configuration instanceof HibernateValidatorConfiguration hibernate) {
				// The messages of the API are English, whatever the server's locale.
				hibernate.defaultLocale(Locale.ENGLISH);
			}
		};
	}

	@Override
	public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converter) {
		return true;
	}

	/**
	 * Reads the body once to check that it is UTF-8, strictly: Jackson replaces some malformed sequences (an overlong
	 * "/" in two bytes) without a word. The body is bounded before it gets here (see the request limits).
	 */
	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converter) throws IOException {
		MediaType type = input.getHeaders().getContentType();
		if (type != null && !type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.getSubtype().endsWith("+json")) {
			return input;
		}
		byte[] body = input.getBody().readAllBytes();
		CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer bytes = ByteBuffer.wrap(body);
		CoderResult result = utf8.decode(bytes, CharBuffer.allocate(body.length), true);
		if (result.isError()) {
			throw new InvalidInput(JsonPaths.at(body, bytes.position()), "utf-8",
					"must be valid UTF-8 (malformed bytes at offset " + bytes.position() + ")");
		}
		return new HttpInputMessage() {

			@Override
			public InputStream getBody() {
				return new ByteArrayInputStream(body);
			}

			@Override
			public HttpHeaders getHeaders() {
				return input.getHeaders();
			}
		};
	}

	@Override
	public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converter) {
		if (body == null) {
			return null;
		}
		List<Violation> violations = validator.validate(body).stream()
			.map(BodyConstraints::violation)
			.sorted(Comparator.comparing(Violation::field).thenComparing(Violation::rule))
			.toList();
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		return body;
	}

	private static Violation violation(ConstraintViolation<?> violation) {
		String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
		return new Violation(violation.getPropertyPath().toString(), kebab(constraint), violation.getMessage());
	}

	/** {@code PastOrPresent} as {@code past-or-present}, the style of the platform's rule codes. */
	private static String kebab(String name) {
		return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}
}
