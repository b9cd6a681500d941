package ma.amo.enrolment.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import ma.amo.audit.Audited;
import ma.amo.enrolment.Eligibility;
import ma.amo.enrolment.Rights;
import ma.amo.enrolment.RightsEvents;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Eligibility", description = "Whether a person's rights are open on a date, and why")
@RestController
@RequestMapping("/api/v1/rights-history")
class RightsHistoryController {

	private final Eligibility eligibility;
	private final RightsEvents events;
	private final Clock clock;

	RightsHistoryController(Eligibility eligibility, RightsEvents events, Clock clock) {
		this.eligibility = eligibility;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The rights on a date, the event that produced them (a dependant's come from their member's), and the whole
	 * history of that member's rights.
	 */
	record RightsOnDate(Rights rights, RightsEvents.Change decidedBy, List<RightsEvents.Change> memberHistory) {
	}

	@Operation(summary = "Which event opened, suspended or reopened a person's rights on a date",
			description = "The rights on the date (today by default), the segment of the member's rights in force "
					+ "that day with the event that produced it (a payment, a missed instalment, an enrolment…), and "
					+ "every segment of the member's rights. For a dependant, the member's events are given.")
	@Audited(record = "PERSON", id = "idcs", purpose = "ELIGIBILITY_CHECK")
	@GetMapping
	RightsOnDate history(@RequestParam String idcs,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		LocalDate on = date == null ? LocalDate.now(clock) : date;
		Rights rights = eligibility.of(idcs, on);
		String member = rights.memberIdcs() != null ? rights.memberIdcs() : idcs;
		return new RightsOnDate(rights, events.changeOn(member, on).orElse(null), events.history(member));
	}
}
