package ma.amo.parameters;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import ma.amo.shared.InputBounds;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads and records effective-dated parameters. Values are held in memory (the table is small and read on every
 * eligibility request) and reloaded after each change.
 */
@Service
public class Parameters implements ParameterValues {

	private final JdbcClient jdbc;
	private volatile Map<String, Definition> definitions = Map.of();
	/** Values of numeric parameters parsed once: the rights engine reads them thousands of times a second. */
	private volatile Map<String, NavigableMap<LocalDate, Object>> parsed = Map.of();
	private volatile Map<String, Range> ranges = Map.of();

	Parameters(JdbcClient jdbc) {
		this.jdbc = jdbc;
		reload();
	}

	@Override
	public String text(String name, LocalDate date) {
		Definition definition = definition(name);
		Map.Entry<LocalDate, String> entry = definition.values().floorEntry(date);
		if (entry == null) {
			throw new NotFound("date", "parameter " + name + " has no value in force on " + date);
		}
		return entry.getValue();
	}

	@Override
	public int integer(String name, LocalDate date) {
		return switch (parsed(name, date)) {
			case Integer i -> i;
			case BigDecimal d -> d.intValueExact();
			case Object text -> Integer.parseInt(text.toString());
		};
	}

	@Override
	public BigDecimal decimal(String name, LocalDate date) {
		return switch (parsed(name, date)) {
			case Integer i -> BigDecimal.valueOf(i);
			case BigDecimal d -> d;
			case Object text -> new BigDecimal(text.toString());
		};
	}

	/** The parsed value of a numeric parameter, or the text of a text parameter. */
	private Object parsed(String name, LocalDate date) {
		NavigableMap<LocalDate, Object> values = parsed.get(name);
		if (values == null) {
			return text(name, date);
		}
		Map.Entry<LocalDate, Object> entry = values.floorEntry(date);
		if (entry == null) {
			throw new NotFound("date", "parameter " + name + " has no value in force on " + date);
		}
		return entry.getValue();
	}

	public List<Definition> all() {
		return definitions.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
	}

	public Definition definition(String name) {
		Definition definition = definitions.get(name);
		if (definition == null) {
			throw new NotFound("name", "unknown parameter " + name);
		}
		return definition;
	}

	/**
	 * Records a value applying from {@code effectiveFrom}; a value already recorded for that date is replaced. One
	 * statement, atomic by itself: no transaction proxy, so that the rules' many reads are plain method calls.
	 */
	public Definition define(String name, LocalDate effectiveFrom, String value) {
		Definition definition = definition(name);
		if (effectiveFrom == null) {
			throw new InvalidInput("effectiveFrom", "required", "is required");
		}
		if (value == null || value.isBlank()) {
			throw new InvalidInput("value", "required", "is required");
		}
		definition.kind().check(value.strip());
		ranges.getOrDefault(name, Range.ANY).check(definition.kind(), value.strip());
		jdbc.sql("""
				insert into parameter_value (name, effective_from, value) values (:name, :from, :value)
				on conflict (name, effective_from) do update set value = excluded.value, recorded_at = now()
				""")
			.param("name", name).param("from", effectiveFrom).param("value", value.strip())
			.update();
		reload();
		return definition(name);
	}

	private void reload() {
		Map<String, Definition> loaded = new HashMap<>();
		jdbc.sql("select name, kind, description, source from parameter")
			.query((rs, n) -> new Definition(rs.getString(1), Kind.valueOf(rs.getString(2)), rs.getString(3),
					rs.getString(4), new TreeMap<>()))
			.list()
			.forEach(d -> loaded.put(d.name(), d));
		jdbc.sql("select name, effective_from, value from parameter_value").query((rs, n) -> {
			loaded.get(rs.getString(1)).values().put(rs.getObject(2, LocalDate.class), rs.getString(3));
			return null;
		}).list();
		Map<String, NavigableMap<LocalDate, Object>> numbers = new HashMap<>();
		for (Definition d : loaded.values()) {
			if (d.kind() != Kind.TEXT) {
				NavigableMap<LocalDate, Object> values = new TreeMap<>();
				d.values().forEach((from, value) -> values.put(from,
						d.kind() == Kind.INTEGER ? (Object) Integer.valueOf(value) : new BigDecimal(value)));
				numbers.put(d.name(), values);
			}
		}
		Map<String, Range> bounds = new HashMap<>();
		jdbc.sql("select name, minimum, maximum, allowed from parameter").query((rs, n) -> {
			java.sql.Array allowed = rs.getArray(4);
			bounds.put(rs.getString(1), new Range(rs.getBigDecimal(2), rs.getBigDecimal(3),
					allowed == null ? List.of() : List.of((String[]) allowed.getArray())));
			return null;
		}).list();
		ranges = Map.copyOf(bounds);
		parsed = Map.copyOf(numbers);
		definitions = Map.copyOf(loaded);
	}

	/** A parameter and its values by effective date. */
	public record Definition(String name, Kind kind, String description, String source,
			NavigableMap<LocalDate, String> values) {
	}

	/** The values a parameter may take: a numeric range, or a list of texts; a bound left null is not checked. */
	private record Range(BigDecimal minimum, BigDecimal maximum, List<String> allowed) {

		static final Range ANY = new Range(null, null, List.of());

		void check(Kind kind, String value) {
			if (kind == Kind.TEXT) {
				if (!allowed.isEmpty() && !allowed.contains(value)) {
					throw new InvalidInput("value", "allowed", "must be one of " + String.join(", ", allowed));
				}
				return;
			}
			BigDecimal number = new BigDecimal(value);
			if (minimum != null && number.compareTo(minimum) < 0 || maximum != null && number.compareTo(maximum) > 0) {
				throw new InvalidInput("value", "range", minimum == null ? "must be " + maximum.toPlainString() + " at most"
						: maximum == null ? "must be " + minimum.toPlainString() + " or more"
								: "must be between " + minimum.toPlainString() + " and " + maximum.toPlainString());
			}
		}
	}

	public enum Kind {
		INTEGER, DECIMAL, TEXT;

		void check(String value) {
			try {
				switch (this) {
					case INTEGER -> Integer.parseInt(value);
					case DECIMAL -> {
						String problem = InputBounds.decimalProblem(new BigDecimal(value));
						if (problem != null) {
							throw new InvalidInput("value", "number", problem);
						}
					}
					case TEXT -> { }
				}
			}
			catch (NumberFormatException e) {
				throw new InvalidInput("value", "format", "'" + value + "' is not a valid " + name().toLowerCase());
			}
		}
	}
}
