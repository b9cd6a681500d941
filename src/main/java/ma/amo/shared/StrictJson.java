package ma.amo.shared;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.module.SimpleModule;

/**
 * How every JSON body is read: each text, date and number meets {@link InputBounds} as it is parsed, so that a bad
 * value is refused with the path of its field ({@code lines[1].careDate}) before any code sees it. Types are not
 * guessed: a number where a text is expected, a fraction where an integer is, an enum by its index or a date as a
 * count of days are refused, not converted.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

	/**
	 * No request nests deeper than a few levels. Numbers keep Jackson's bound of 1,000 digits: below it, the decimals
	 * are refused by {@link DecimalValue} with the path of their field, at the cost of reading them (microseconds).
	 */
	@Bean
	JsonFactoryBuilderCustomizer boundedParsing() {
		return factory -> factory.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build());
	}

	@Bean
	JsonMapperBuilderCustomizer strictValues() {
		SimpleModule module = new SimpleModule("strict-values");
		module.addDeserializer(String.class, new TextValue());
		module.addDeserializer(LocalDate.class, new DateValue());
		module.addDeserializer(BigDecimal.class, new DecimalValue());
		return mapper -> mapper.addModule(module)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
	}

	/** A value refused by a bound, with the rule it broke; Jackson adds the path of its field as it unwinds. */
	static final class RefusedValue extends DatabindException {

		private final String rule;

		RefusedValue(JsonParser parser, String rule, String message) {
			super(parser, message);
			this.rule = rule;
		}

		String rule() {
			return rule;
		}
	}

	static final class TextValue extends ValueDeserializer<String> {

		@Override
		public String deserialize(JsonParser p, DeserializationContext context) {
			if (p.currentToken() != JsonToken.VALUE_STRING) {
				throw new RefusedValue(p, "type", "must be a text (in double quotes)");
			}
			String text = p.getString();
			String problem = InputBounds.textProblem(text);
			if (problem != null) {
				throw new RefusedValue(p, "text", problem);
			}
			return text;
		}
	}

	static final class DateValue extends ValueDeserializer<LocalDate> {

		@Override
		public LocalDate deserialize(JsonParser p, DeserializationContext context) {
			LocalDate date = p.currentToken() == JsonToken.VALUE_STRING ? InputBounds.date(p.getString()) : null;
			if (date == null) {
				throw new RefusedValue(p, "date", InputBounds.dateRule());
			}
			return date;
		}
	}

	static final class DecimalValue extends ValueDeserializer<BigDecimal> {

		@Override
		public BigDecimal deserialize(JsonParser p, DeserializationContext context) {
			if (p.currentToken() != JsonToken.VALUE_NUMBER_INT && p.currentToken() != JsonToken.VALUE_NUMBER_FLOAT) {
				throw new RefusedValue(p, "type", "must be a number (without quotes)");
			}
			BigDecimal value = p.getDecimalValue();
			String problem = InputBounds.decimalProblem(value);
			if (problem != null) {
				throw new RefusedValue(p, "number", problem);
			}
			return value;
		}
	}
}
