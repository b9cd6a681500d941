package ma.amo.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import org.junit.jupiter.api.Test;

class LegalClocksTest {

	private final LegalClocks clocks = new LegalClocks((name, date) -> {
		if (date.isBefore(LocalDate.of(2017, 6, 23))) {
			throw new NotFound("date", "no value");
		}
		return name.equals(LegalClocks.ACKNOWLEDGEMENT_DAYS) ? "15" : "60";
	});

	@Test
	void theDelaysAreCalendarDaysCountedFromTheFilingDateAcrossMonthEnds() {
		LegalClocks.DueDates due = clocks.dueDates(LocalDate.of(2026, 2, 10));
		assertThat(due.acknowledgement()).isEqualTo(LocalDate.of(2026, 2, 25));
		assertThat(due.answer()).isEqualTo(LocalDate.of(2026, 4, 11));
	}

	@Test
	void weekendsAndHolidaysDoNotExtendTheDelays() {
		// Filed on Friday 26 December 2025: due on Saturday 10 January 2026, not moved to the next working day.
		assertThat(clocks.dueDates(LocalDate.of(2025, 12, 26)).acknowledgement()).isEqualTo(LocalDate.of(2026, 1, 10));
	}

	@Test
	void aComplaintReceivedBeforeTheDecreeHasNoLegalClock() {
		assertThatThrownBy(() -> clocks.dueDates(LocalDate.of(2016, 1, 1))).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("receivedOn");
	}
}
