package ma.amo.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.Set;

import ma.amo.parameters.ParameterValues;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Legal clocks in working time (amo-rules.md, "Business calendar"): working days are Monday to Friday except public
 * holidays ({@link PublicHolidays}); a working day's hours are the parameter {@code calendar.working-hours}
 * (08:30–16:30) or, in Ramadan, {@code calendar.ramadan-working-hours} (09:00–15:00, arrêté 05.1899 of 30 September
 * 2005), each read at the day it applies to. Ramadan is taken from the Umm al-Qura calendar one day later, like the
 * religious holidays proposed; it is not confirmed by an administrator.
 */
@Service
public class BusinessCalendar {

	static final String WORKING_HOURS = "calendar.working-hours";
	static final String RAMADAN_WORKING_HOURS = "calendar.ramadan-working-hours";

	private final WorkingTime time;

	@Autowired
	BusinessCalendar(PublicHolidays holidays, ParameterValues parameters) {
		this(holidays::daysOff, parameters);
	}

	/** A calendar over the days off of each year, as the tests build it without a database. */
	BusinessCalendar(IntFunction<Set<LocalDate>> daysOff, ParameterValues parameters) {
		this.time = new WorkingTime(date -> daysOff.apply(date.getYear()).contains(date),
				date -> OpeningHours.parse(parameters.text(
						HolidayProposals.ramadan(date) ? RAMADAN_WORKING_HOURS : WORKING_HOURS, date)));
	}

	/** Whether {@code date} is worked: Monday to Friday and not a public holiday. */
	public boolean workingDay(LocalDate date) {
		return time.workingDay(date);
	}

	/** The working hours of {@code date}, or empty on a weekend or a public holiday. */
	public Optional<OpeningHours> openingHours(LocalDate date) {
		return time.openOn(date);
	}

	/** The moment {@code hours} working hours after {@code start} (48 working hours: a prior approval's answer). */
	public LocalDateTime plusWorkingHours(LocalDateTime start, int hours) {
		return time.plus(start, Duration.ofHours(hours));
	}

	/** The working day {@code days} working days after {@code start}. */
	public LocalDate plusWorkingDays(LocalDate start, int days) {
		return time.plusWorkingDays(start, days);
	}

	/** The same time {@code days} calendar days after {@code start} (a delay the law counts in plain days). */
	public LocalDateTime plusCalendarDays(LocalDateTime start, int days) {
		if (days < 0) {
			throw new IllegalArgumentException("a delay is not negative: " + days);
		}
		return start.plusDays(days);
	}

	/** The working time between two moments: how late a clock is, in working hours. */
	public Duration workingTimeBetween(LocalDateTime from, LocalDateTime to) {
		return time.between(from, to);
	}
}
