package ma.amo.shared;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Says which field of a JSON body could not be read and why, in the client's terms: the path of the field
 * ({@code lines[1].careDate}) and the kind of value expected, never the Java type or method that failed.
 */
final class UnreadableValue {

	private UnreadableValue() {
	}

	static Violation of(HttpMessageNotReadableException e) {
		JacksonException jackson = find(e);
		if (jackson == null) {
			return new Violation("body", "required", "a JSON body is required");
		}
		// A parser's error stands on the field it was reading; databind's carry the path they unwound.
		String field = jackson instanceof StreamReadException read && read.processor() instanceof JsonParser parser
				? JsonPaths.of(parser.streamReadContext()) : path(jackson);
		return switch (jackson) {
			case StrictJson.RefusedValue refused -> new Violation(field, refused.rule(), refused.getOriginalMessage());
			case StreamConstraintsException tooLong ->
				new Violation(field, "bounds", "is too large or too deeply nested to be read");
			case InputCoercionException outOfRange -> new Violation(field, "range", "is out of the range of numbers accepted");
			case ValueInstantiationException invalid -> invalid.getCause() instanceof InvalidInput input
					? input.violations().getFirst() : new Violation(field, "valid", "is not a valid value");
			case MismatchedInputException mismatch -> new Violation(field, rule(mismatch.getTargetType()),
					expected(mismatch.getTargetType()));
			default -> new Violation(field, "readable-json", readable(jackson.getOriginalMessage()));
		};
	}

	private static JacksonException find(Throwable e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException jackson) {
				return jackson;
			}
		}
		return null;
	}

	/** {@code lines[1].careDate}, or {@code body} for the document itself. */
	static String path(JacksonException e) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : e.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	private static String rule(Class<?> type) {
		return type != null && type.isEnum() ? "enum" : "type";
	}

	static String expected(Class<?> type) {
		if (type == null) {
			return "is not a value of the expected type";
		}
		if (type.isEnum()) {
			return "must be one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
				.collect(Collectors.joining(", "));
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class) {
			return "must be a whole number (without quotes or decimals)";
		}
		if (Number.class.isAssignableFrom(type)) {
			return "must be a number (without quotes)";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "must be true or false";
		}
		if (type == String.class) {
			return "must be a text (in double quotes)";
		}
		if (Temporal.class.isAssignableFrom(type)) {
			return InputBounds.dateRule();
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "must be a list (in square brackets)";
		}
		if (Map.class.isAssignableFrom(type)) {
			return "must be an object (in braces)";
		}
		return "must be an object (in braces)";
	}

	/** A parser's own message (bad syntax, bad UTF-8), kept only when it names no Java type. */
	private static String readable(String message) {
		if (message == null || message.contains("`") || message.matches("(?s).*\\b(java|ma\\.amo|tools\\.jackson)\\..*")) {
			return "is not valid JSON";
		}
		return message.lines().findFirst().orElse(message);
	}
}
