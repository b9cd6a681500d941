package ma.amo.parameters;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Values of effective-dated parameters as of a date: what the business rules read. */
public interface ParameterValues {

	/** The value in force on {@code date}: the one with the latest effective date on or before it. */
	String text(String name, LocalDate date);

	default int integer(String name, LocalDate date) {
		return Integer.parseInt(text(name, date));
	}

	default BigDecimal decimal(String name, LocalDate date) {
		return new BigDecimal(text(name, date));
	}
}
