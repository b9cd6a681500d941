package ma.amo.regulation.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Dates as the regulator's pages and the public pages write them: dd/MM/yyyy, and times in Casablanca's zone. */
@Component("regulationFormats")
public class RegulationFormats {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
		.withZone(ZoneId.of("Africa/Casablanca"));

	public String date(LocalDate date) {
		return date == null ? "—" : DAY.format(date);
	}

	public String time(Instant instant) {
		return instant == null ? "—" : TIME.format(instant);
	}
}
