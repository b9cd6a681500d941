package ma.amo.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import ma.amo.parameters.ParameterValues;
import ma.amo.shared.Money;
import org.springframework.stereotype.Component;

/**
 * The increase owed on a contribution paid late: a rate for the first month or part of a month after the due date,
 * and a rate for each further month or part of a month (dahir 1-72-184 art. 28; both are parameters read at the due
 * date, defaults 3 % and 1 %).
 */
@Component
public class LatePenalties {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final ParameterValues parameters;

	LatePenalties(ParameterValues parameters) {
		this.parameters = parameters;
	}

	/** Months or parts of months between the due date and the payment; 0 when paid by the due date. */
	static long monthsLate(LocalDate dueDate, LocalDate paidOn) {
		if (!paidOn.isAfter(dueDate)) {
			return 0;
		}
		long months = ChronoUnit.MONTHS.between(dueDate, paidOn);
		return dueDate.plusMonths(months).isBefore(paidOn) ? months + 1 : months;
	}

	/** The penalty on {@code principal} due on {@code dueDate} and paid (or still unpaid) on {@code paidOn}. */
	public Money penalty(Money principal, LocalDate dueDate, LocalDate paidOn) {
		long months = monthsLate(dueDate, paidOn);
		if (months == 0) {
			return Money.ZERO;
		}
		BigDecimal rate = parameters.decimal("contributions.penalty.first-month-rate", dueDate)
			.add(parameters.decimal("contributions.penalty.next-month-rate", dueDate).multiply(BigDecimal.valueOf(months - 1)));
		return principal.times(rate.divide(HUNDRED));
	}
}
