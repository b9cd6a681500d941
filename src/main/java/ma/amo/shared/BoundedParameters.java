package ma.amo.shared;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.Parser;
import org.springframework.format.Printer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Query parameters and path variables meet the same {@link InputBounds} as the values of JSON bodies: every text
 * (no NUL or control character, no half surrogate pair, bounded length) before any controller runs, and dates
 * (written yyyy-MM-dd, real, between 1900 and 2100) through a formatter registered after Spring's own, so it is the
 * one used.
 */
@Configuration(proxyBeanMethods = false)
class BoundedParameters implements WebMvcConfigurer {

	/** Parameters name things (an identifier, a name searched, a date): none needs more. */
	private static final int LONGEST_PARAMETER = 1000;

	private static final Formatter<LocalDate> DATE = new Formatter<>() {

		@Override
		public LocalDate parse(String text, Locale locale) {
			LocalDate date = InputBounds.date(text);
			if (date == null) {
				throw new IllegalArgumentException(InputBounds.dateRule());
			}
			return date;
		}

		@Override
		public String print(LocalDate date, Locale locale) {
			return date.toString();
		}
	};

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				List<Violation> violations = new ArrayList<>();
				// The fields of a form posted by a page (a complaint's description) are texts of a body, not names.
				String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
				int longest = type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/")
						? InputBounds.LONGEST_TEXT : LONGEST_PARAMETER;
				request.getParameterMap().forEach((name, values) -> {
					for (String value : values) {
						check(violations, name, value, longest);
					}
				});
				if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
					variables.forEach((name, value) -> check(violations, String.valueOf(name), String.valueOf(value),
							LONGEST_PARAMETER));
				}
				if (!violations.isEmpty()) {
					throw new InvalidInput(violations);
				}
				return true;
			}
		});
	}

	private static void check(List<Violation> violations, String name, String value, int longest) {
		String problem = InputBounds.textProblem(name, 100) != null ? "is not a parameter name"
				: InputBounds.textProblem(value, longest);
		if (problem != null) {
			violations.add(new Violation(InputBounds.textProblem(name, 100) != null ? "parameter" : name, "text", problem));
		}
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addFormatterForFieldType(LocalDate.class, DATE);
		registry.addFormatterForFieldAnnotation(new AnnotationFormatterFactory<DateTimeFormat>() {

			@Override
			public Set<Class<?>> getFieldTypes() {
				return Set.of(LocalDate.class);
			}

			@Override
			public Printer<?> getPrinter(DateTimeFormat annotation, Class<?> fieldType) {
				return DATE;
			}

			@Override
			public Parser<?> getParser(DateTimeFormat annotation, Class<?> fieldType) {
				return DATE;
			}
		});
	}
}
