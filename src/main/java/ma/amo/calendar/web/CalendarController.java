package ma.amo.calendar.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import ma.amo.calendar.Holiday;
import ma.amo.calendar.PublicHolidays;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Business calendar", description = "Public holidays of the legal clocks counted in working time")
@RestController
@RequestMapping("/api/v1/calendar/holidays")
class CalendarController {

	private final PublicHolidays holidays;
	private final Clock clock;

	CalendarController(PublicHolidays holidays, Clock clock) {
		this.holidays = holidays;
		this.clock = clock;
	}

	record Move(LocalDate firstDay) {
	}

	@Operation(summary = "The public holidays of a year (this year by default)",
			description = "Fixed holidays (status FIXED) and religious ones proposed from the Umm al-Qura calendar one day "
					+ "later (PROPOSED) until an administrator confirms or moves them (CONFIRMED).")
	@GetMapping
	List<Holiday> ofYear(@RequestParam(required = false) Integer year) {
		return holidays.ofYear(year == null ? LocalDate.now(clock).getYear() : year);
	}

	@Operation(summary = "Confirm a religious holiday on its proposed day")
	@ApiResponse(responseCode = "200", description = "The holiday confirmed")
	@ApiResponse(responseCode = "409", description = "A fixed holiday, which the law sets")
	@PostMapping("/{id}/confirm")
	Holiday confirm(@PathVariable long id) {
		return holidays.confirm(id);
	}

	@Operation(summary = "Move a religious holiday to the day announced after the moon sighting (within 3 days of the "
			+ "proposal), and confirm it")
	@ApiResponse(responseCode = "200", description = "The holiday moved and confirmed")
	@ApiResponse(responseCode = "409", description = "A fixed holiday, which the law sets")
	@PostMapping("/{id}/move")
	Holiday move(@PathVariable long id, @RequestBody Move move) {
		return holidays.move(id, move.firstDay());
	}
}
