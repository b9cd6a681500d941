package ma.amo.shared;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.Parser;
import org.springframework.format.Printer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Dates in query parameters and paths meet the same {@link InputBounds} as those of JSON bodies: written yyyy-MM-dd,
 * real, between 1900 and 2100. Registered after Spring's own date formatters, so it is the one used.
 */
@Configuration(proxyBeanMethods = false)
class BoundedDates implements WebMvcConfigurer {

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
