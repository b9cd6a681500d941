package ma.amo.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.chrono.HijrahDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ma.amo.parameters.ParameterValues;
import org.junit.jupiter.api.Test;

/**
 * The business calendar without a database: holidays as proposed, working hours as the migration sets them. Every
 * expected date is counted by hand on the calendar of the year, written out in the test.
 */
class BusinessCalendarTest {

	static final Map<String, String> HOURS = Map.of(BusinessCalendar.WORKING_HOURS, "08:30-16:30",
			BusinessCalendar.RAMADAN_WORKING_HOURS, "09:00-15:00");

	static final ParameterValues PARAMETERS = (name, date) -> HOURS.get(name);

	static Set<LocalDate> proposedDaysOff(int year) {
		Set<LocalDate> days = new HashSet<>();
		for (HolidayProposals.Proposal p : HolidayProposals.of(year)) {
			for (int i = 0; i < p.days(); i++) {
				days.add(p.firstDay().plusDays(i));
			}
		}
		return days;
	}

	final BusinessCalendar calendar = new BusinessCalendar(BusinessCalendarTest::proposedDaysOff, PARAMETERS);

	@Test
	void fortyEightWorkingHoursRunAcrossThroneDayAndAWeekend() {
		// Wednesday 29 July 2026 at 10:00: 6.5 h that day; Thursday 30 July is Throne Day; Friday 31 July 8 h (14.5);
		// Saturday and Sunday; Monday 3 to Thursday 6 August 4 × 8 h (46.5); the last 1.5 h on Friday 7 August from
		// 08:30: 10:00.
		assertThat(calendar.plusWorkingHours(LocalDateTime.of(2026, 7, 29, 10, 0), 48))
			.isEqualTo(LocalDateTime.of(2026, 8, 7, 10, 0));
	}

	@Test
	void aRequestReceivedOnASaturdayCountsFromMondayMorningAndEndsAtClosingTime() {
		assertThat(calendar.plusWorkingHours(LocalDateTime.of(2026, 6, 13, 11, 0), 8))
			.isEqualTo(LocalDateTime.of(2026, 6, 15, 16, 30));
		// After closing on Friday 12 June: the same.
		assertThat(calendar.plusWorkingHours(LocalDateTime.of(2026, 6, 12, 18, 0), 8))
			.isEqualTo(LocalDateTime.of(2026, 6, 15, 16, 30));
	}

	@Test
	void dialysisIsAnsweredWithinSevenCalendarDays() {
		assertThat(calendar.plusCalendarDays(LocalDateTime.of(2026, 7, 29, 10, 0), 7))
			.isEqualTo(LocalDateTime.of(2026, 8, 5, 10, 0));
	}

	@Test
	void eidAlAdha2024IsProposedTheDayAfterUmmAlQuraForTwoDays() {
		// Umm al-Qura: 10 Dhu al-Hijja 1445 is Sunday 16 June 2024; Morocco celebrated on Monday 17 June.
		assertThat(LocalDate.from(HijrahDate.of(1445, 12, 10))).isEqualTo(LocalDate.of(2024, 6, 16));
		HolidayProposals.Proposal adha = HolidayProposals.of(2024).stream()
			.filter(p -> p.code().equals("EID_AL_ADHA")).findFirst().orElseThrow();
		assertThat(adha.firstDay()).isEqualTo(LocalDate.of(2024, 6, 17));
		assertThat(adha.days()).isEqualTo(2);
		assertThat(calendar.workingDay(LocalDate.of(2024, 6, 17))).isFalse();
		assertThat(calendar.workingDay(LocalDate.of(2024, 6, 18))).isFalse();
		assertThat(calendar.workingDay(LocalDate.of(2024, 6, 19))).isTrue();
	}

	@Test
	void eachReligiousFeastIsProposedWithItsNumberOfDays() {
		// 2025 in Umm al-Qura: Eid al-Fitr 30 March, Eid al-Adha 6 June, 1 Muharram 1447 26 June, Mawlid 4 September.
		List<HolidayProposals.Proposal> religious = HolidayProposals.of(2025).stream()
			.filter(p -> p.kind() == Holiday.Kind.RELIGIOUS).toList();
		assertThat(religious).extracting(HolidayProposals.Proposal::code, HolidayProposals.Proposal::firstDay,
				HolidayProposals.Proposal::days)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("EID_AL_FITR", LocalDate.of(2025, 3, 31), 2),
					org.assertj.core.groups.Tuple.tuple("EID_AL_ADHA", LocalDate.of(2025, 6, 7), 2),
					org.assertj.core.groups.Tuple.tuple("HIJRI_NEW_YEAR", LocalDate.of(2025, 6, 27), 1),
					org.assertj.core.groups.Tuple.tuple("MAWLID", LocalDate.of(2025, 9, 5), 2));
	}

	@Test
	void theAmazighNewYearCountsFrom2024AndAidAlWahdaFrom2025() {
		assertThat(codes(2023)).doesNotContain("AMAZIGH_NEW_YEAR", "AID_AL_WAHDA").contains("INDEPENDENCE_MANIFESTO");
		assertThat(codes(2024)).contains("AMAZIGH_NEW_YEAR").doesNotContain("AID_AL_WAHDA");
		assertThat(codes(2025)).contains("AMAZIGH_NEW_YEAR", "AID_AL_WAHDA");
		assertThat(HolidayProposals.of(2026).stream().filter(p -> p.kind() == Holiday.Kind.FIXED).count()).isEqualTo(11);
	}

	@Test
	void workingDaysSkipTheTwoDaysOfEidAlFitr() {
		// Friday 28 March 2025; Eid al-Fitr proposed Monday 31 March and Tuesday 1 April: one working day later is
		// Wednesday 2 April.
		assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 3, 28), 1)).isEqualTo(LocalDate.of(2025, 4, 2));
	}

	@Test
	void ramadanDaysAreWorkedFromNineToThree() {
		// Ramadan 1447 starts on 18 February 2026 in Umm al-Qura, taken as 19 February in Morocco.
		assertThat(calendar.openingHours(LocalDate.of(2026, 2, 18)).orElseThrow().opens()).isEqualTo(LocalTime.of(8, 30));
		assertThat(calendar.openingHours(LocalDate.of(2026, 2, 19)).orElseThrow().opens()).isEqualTo(LocalTime.of(9, 0));
		// Monday 2 March 2026 at 10:00: 5 h to 15:00, then 5 h on Tuesday 3 March from 09:00: 14:00.
		assertThat(calendar.plusWorkingHours(LocalDateTime.of(2026, 3, 2, 10, 0), 10))
			.isEqualTo(LocalDateTime.of(2026, 3, 3, 14, 0));
	}

	@Test
	void workingTimeBetweenTwoMomentsLeavesOutNightsWeekendsAndHolidays() {
		// Friday 31 July 2026 16:00 to Monday 3 August 09:30: half an hour on Friday, one hour on Monday.
		assertThat(calendar.workingTimeBetween(LocalDateTime.of(2026, 7, 31, 16, 0), LocalDateTime.of(2026, 8, 3, 9, 30)))
			.isEqualTo(java.time.Duration.ofMinutes(90));
	}

	static List<String> codes(int year) {
		return HolidayProposals.of(year).stream().map(HolidayProposals.Proposal::code).toList();
	}
}
