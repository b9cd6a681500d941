package ma.amo.calendar;

import java.time.LocalDate;
import java.time.chrono.HijrahChronology;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoField;
import java.time.temporal.ValueRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The public holidays of a Gregorian year as the platform proposes them (amo-rules.md, "Business calendar").
 * <p>
 * Fixed holidays: 1 January; 11 January (Independence Manifesto); 14 January (Amazigh New Year, from 2024, royal
 * decision of 3 May 2023); 1 May; 30 July (Throne Day); 14 August (Oued Eddahab); 20 August (Revolution of the King
 * and the People); 21 August (Youth Day); 31 October (Aïd Al Wahda, from 2025, decrees 2.26.14 and 2.25.1140);
 * 6 November (Green March); 18 November (Independence Day).
 * <p>
 * Religious holidays follow the Hijri calendar, fixed each year by the Ministry of Habous after the moon sighting.
 * Java's {@link HijrahDate} is the Umm al-Qura calendar, which is often one day ahead of Morocco (Eid al-Adha 2024:
 * 16 June in Umm al-Qura, 17 June in Morocco): the day after is proposed, for an administrator to confirm or move.
 * A Hijri year is 11 days shorter than a Gregorian one, so a Gregorian year may hold the same feast twice, or once.
 */
final class HolidayProposals {

	/** A proposed holiday: a stable code, its French name, first day and number of days. */
	record Proposal(String code, String name, LocalDate firstDay, int days, Holiday.Kind kind) {
	}

	private record Fixed(int month, int day, String code, String name, int since) {
	}

	private record Religious(int month, int day, String code, String name, int days) {
	}

	private static final List<Fixed> FIXED = List.of(
			new Fixed(1, 1, "NEW_YEAR", "Nouvel an", 0),
			new Fixed(1, 11, "INDEPENDENCE_MANIFESTO", "Manifeste de l'indépendance", 0),
			new Fixed(1, 14, "AMAZIGH_NEW_YEAR", "Nouvel an amazigh", 2024),
			new Fixed(5, 1, "LABOUR_DAY", "Fête du travail", 0),
			new Fixed(7, 30, "THRONE_DAY", "Fête du trône", 0),
			new Fixed(8, 14, "OUED_EDDAHAB", "Allégeance de Oued Eddahab", 0),
			new Fixed(8, 20, "REVOLUTION", "Révolution du roi et du peuple", 0),
			new Fixed(8, 21, "YOUTH_DAY", "Fête de la jeunesse", 0),
			new Fixed(10, 31, "AID_AL_WAHDA", "Aïd Al Wahda", 2025),
			new Fixed(11, 6, "GREEN_MARCH", "Marche verte", 0),
			new Fixed(11, 18, "INDEPENDENCE_DAY", "Fête de l'indépendance", 0));

	private static final List<Religious> RELIGIOUS = List.of(
			new Religious(1, 1, "HIJRI_NEW_YEAR", "1er Moharram", 1),
			new Religious(3, 12, "MAWLID", "Aïd Al Mawlid", 2),
			new Religious(10, 1, "EID_AL_FITR", "Aïd Al Fitr", 2),
			new Religious(12, 10, "EID_AL_ADHA", "Aïd Al Adha", 2));

	/** Days Morocco's Hijri calendar is taken to lag behind Umm al-Qura. */
	static final int MOROCCAN_LAG_DAYS = 1;

	private HolidayProposals() {
	}

	/** The year's holidays, fixed and proposed religious ones, by first day. */
	static List<Proposal> of(int year) {
		List<Proposal> proposals = new ArrayList<>();
		for (Fixed fixed : FIXED) {
			if (year >= fixed.since()) {
				proposals.add(new Proposal(fixed.code(), fixed.name(), LocalDate.of(year, fixed.month(), fixed.day()), 1,
						Holiday.Kind.FIXED));
			}
		}
		ValueRange supported = HijrahChronology.INSTANCE.range(ChronoField.YEAR);
		// Hijri years overlapping the Gregorian year: about year - 579 and the years around it.
		for (int hijri = year - 580; hijri <= year - 577; hijri++) {
			if (!supported.isValidValue(hijri)) {
				continue;
			}
			for (Religious feast : RELIGIOUS) {
				LocalDate day = LocalDate.from(HijrahDate.of(hijri, feast.month(), feast.day())).plusDays(MOROCCAN_LAG_DAYS);
				if (day.getYear() == year) {
					proposals.add(new Proposal(feast.code(), feast.name() + " " + hijri, day, feast.days(),
							Holiday.Kind.RELIGIOUS));
				}
			}
		}
		proposals.sort(Comparator.comparing(Proposal::firstDay));
		return proposals;
	}

	/**
	 * Whether {@code date} falls in Ramadan as Morocco is taken to observe it (Umm al-Qura's month 9, one day later);
	 * false outside the years the Umm al-Qura tables cover.
	 */
	static boolean ramadan(LocalDate date) {
		LocalDate ummAlQura = date.minusDays(MOROCCAN_LAG_DAYS);
		try {
			return HijrahDate.from(ummAlQura).get(ChronoField.MONTH_OF_YEAR) == 9;
		}
		catch (java.time.DateTimeException e) {
			return false;
		}
	}
}
