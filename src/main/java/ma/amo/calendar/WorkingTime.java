package ma.amo.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Counting in working time, given which days are holidays and each working day's hours. Saturday and Sunday are never
 * worked. A start outside working hours counts from the next opening; a delay that ends exactly at a closing time ends
 * then (not at the next opening), so 8 working hours from Monday 08:30 end on Monday at 16:30.
 */
final class WorkingTime {

	/** Far enough for any legal delay; a calendar without working days would otherwise loop forever. */
	private static final int LONGEST_SEARCH_DAYS = 3_660;

	private final Predicate<LocalDate> holiday;
	private final Function<LocalDate, OpeningHours> hours;

	WorkingTime(Predicate<LocalDate> holiday, Function<LocalDate, OpeningHours> hours) {
		this.holiday = holiday;
		this.hours = hours;
	}

	private static final Set<DayOfWeek> WEEKEND = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

	boolean workingDay(LocalDate date) {
		return !WEEKEND.contains(date.getDayOfWeek()) && !holiday.test(date);
	}

	/** The hours of {@code date}, or empty on a weekend or a holiday. */
	Optional<OpeningHours> openOn(LocalDate date) {
		return workingDay(date) ? Optional.of(hours.apply(date)) : Optional.empty();
	}

	/** The moment {@code amount} of working time after {@code start}. */
	LocalDateTime plus(LocalDateTime start, Duration amount) {
		if (amount.isNegative()) {
			throw new IllegalArgumentException("a delay is not negative: " + amount);
		}
		Duration left = amount;
		LocalDate day = start.toLocalDate();
		LocalTime from = start.toLocalTime();
		for (int searched = 0; searched < LONGEST_SEARCH_DAYS; searched++) {
			Optional<OpeningHours> open = openOn(day);
			if (open.isPresent() && from.isBefore(open.get().closes())) {
				LocalTime begin = from.isAfter(open.get().opens()) ? from : open.get().opens();
				Duration available = Duration.between(begin, open.get().closes());
				if (left.compareTo(available) <= 0) {
					return day.atTime(begin).plus(left);
				}
				left = left.minus(available);
			}
			day = day.plusDays(1);
			from = LocalTime.MIN;
		}
		throw new IllegalStateException("no working time within " + LONGEST_SEARCH_DAYS + " days of " + start);
	}

	/** The working day {@code days} working days after {@code start} (0: start itself, or the next working day). */
	LocalDate plusWorkingDays(LocalDate start, int days) {
		if (days < 0) {
			throw new IllegalArgumentException("a delay is not negative: " + days);
		}
		LocalDate day = start;
		int searched = 0;
		while (!workingDay(day)) {
			day = day.plusDays(1);
			guard(++searched, start);
		}
		for (int counted = 0; counted < days;) {
			day = day.plusDays(1);
			guard(++searched, start);
			if (workingDay(day)) {
				counted++;
			}
		}
		return day;
	}

	/** The working time between two moments (zero when {@code to} is not after {@code from}). */
	Duration between(LocalDateTime from, LocalDateTime to) {
		Duration total = Duration.ZERO;
		for (LocalDate day = from.toLocalDate(); !day.isAfter(to.toLocalDate()); day = day.plusDays(1)) {
			Optional<OpeningHours> open = openOn(day);
			if (open.isEmpty()) {
				continue;
			}
			LocalDateTime begin = max(day.atTime(open.get().opens()), from);
			LocalDateTime end = min(day.atTime(open.get().closes()), to);
			if (end.isAfter(begin)) {
				total = total.plus(Duration.between(begin, end));
			}
		}
		return total;
	}

	private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
		return a.isAfter(b) ? a : b;
	}

	private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
		return a.isBefore(b) ? a : b;
	}

	private static void guard(int searched, LocalDate start) {
		if (searched > LONGEST_SEARCH_DAYS) {
			throw new IllegalStateException("no working day within " + LONGEST_SEARCH_DAYS + " days of " + start);
		}
	}
}
