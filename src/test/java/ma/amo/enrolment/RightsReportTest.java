package ma.amo.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import ma.amo.enrolment.rights.RightsHistory.StatusChange;
import org.junit.jupiter.api.Test;

/** A rights event tells each person whose rights changed, or, past a hundred people, one event for all of them. */
class RightsReportTest {

	static final RightsEvents.Event LOAD = new RightsEvents.Event(42, "PORTFOLIO_LOAD", "Reprise", LocalDate.of(2026, 6, 1),
			OffsetDateTime.parse("2026-06-15T10:00:00Z"));

	List<Object> told(int persons) {
		RightsReport report = new RightsReport();
		for (int i = 0; i < persons; i++) {
			String idcs = "P" + i;
			report.accept(new StatusChange(idcs, LocalDate.of(2026, 7, 1).plusDays(i % 10), RightsStatus.CLOSED,
					RightsStatus.WAITING));
			report.accept(new StatusChange(idcs, LocalDate.of(2026, 10, 1), RightsStatus.CLOSED, RightsStatus.OPEN));
		}
		List<Object> published = new ArrayList<>();
		report.publish(published::add, LOAD);
		return published;
	}

	@Test
	void aFewPeopleAreToldOneByOneWithTheirSteps() {
		List<Object> published = told(2);
		assertThat(published).containsExactly(
				new RightsChanged("P0", 42, "PORTFOLIO_LOAD", List.of(
						new RightsChanged.Step(LocalDate.of(2026, 7, 1), RightsStatus.CLOSED, RightsStatus.WAITING),
						new RightsChanged.Step(LocalDate.of(2026, 10, 1), RightsStatus.CLOSED, RightsStatus.OPEN))),
				new RightsChanged("P1", 42, "PORTFOLIO_LOAD", List.of(
						new RightsChanged.Step(LocalDate.of(2026, 7, 2), RightsStatus.CLOSED, RightsStatus.WAITING),
						new RightsChanged.Step(LocalDate.of(2026, 10, 1), RightsStatus.CLOSED, RightsStatus.OPEN))));
	}

	@Test
	void aHundredPeopleAreStillToldOneByOne() {
		assertThat(told(RightsReport.ONE_BY_ONE)).hasSize(RightsReport.ONE_BY_ONE)
			.allMatch(RightsChanged.class::isInstance);
	}

	@Test
	void aLoadOfManyPeopleIsToldInOneEvent() {
		assertThat(told(5_000)).containsExactly(
				new RightsChangedInBulk(42, "PORTFOLIO_LOAD", LocalDate.of(2026, 7, 1), 5_000));
	}

	@Test
	void nothingChangedTellsNothing() {
		assertThat(told(0)).isEmpty();
	}
}
