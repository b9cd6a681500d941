package ma.amo.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;

class IsoDateTest {

	@Test
	void readsEveryDayOfFourYearsAsTheIsoParserDoes() {
		for (LocalDate day = LocalDate.of(2024, 1, 1); day.isBefore(LocalDate.of(2028, 1, 1)); day = day.plusDays(1)) {
			assertThat(IsoDate.parseOrNull(day.toString())).isEqualTo(day);
			assertThat(IsoDate.parse(day.toString())).isEqualTo(day);
		}
		assertThat(IsoDate.parse("0001-01-01")).isEqualTo(LocalDate.of(1, 1, 1));
		assertThat(IsoDate.parse("9999-12-31")).isEqualTo(LocalDate.of(9999, 12, 31));
	}

	@Test
	void aTextThatIsNotExactlyARealDayIsNoDate() {
		for (String refused : new String[] { "2025-02-29", "2023-04-31", "2025-13-01", "2025-00-01", "2025-01-00",
				"2025-1-05", "2025/01/05", "+2025-01-05", "2025-01-05 ", "２０２５-01-05", "" }) {
			assertThat(IsoDate.parseOrNull(refused)).as(refused).isNull();
		}
		assertThat(IsoDate.parse(null)).isNull();
	}

	@Test
	void aDateColumnWrittenInAnotherFormIsAnErrorNotAGuess() {
		assertThatThrownBy(() -> IsoDate.parse("05/01/2025")).isInstanceOf(DateTimeParseException.class);
	}
}
