package ma.amo.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Holidays proposed per year, then confirmed or moved by an administrator; the clocks follow the move at once. */
@IntegrationTest
class PublicHolidaysIntegrationTest {

	@Autowired
	BusinessCalendar calendar;

	@LocalServerPort
	int port;

	JsonNode holiday(JsonNode year, String code) {
		for (JsonNode holiday : year) {
			if (holiday.get("code").asText().equals(code)) {
				return holiday;
			}
		}
		throw new AssertionError("no " + code + " in " + year);
	}

	@Test
	void eidAlAdha2024IsProposedOnSeventeenthJuneAndTheFixedHolidaysAreSetByLaw() {
		Api api = new Api(port);
		JsonNode year = api.get("/api/v1/calendar/holidays?year=2024").body();
		JsonNode adha = holiday(year, "EID_AL_ADHA");
		assertThat(adha.get("firstDay").asText()).isEqualTo("2024-06-17");
		assertThat(adha.get("days").asInt()).isEqualTo(2);
		assertThat(adha.get("status").asText()).isIn("PROPOSED", "CONFIRMED");
		JsonNode throne = holiday(year, "THRONE_DAY");
		assertThat(throne.get("status").asText()).isEqualTo("FIXED");
		Api.Response refused = api.post("/api/v1/calendar/holidays/" + throne.get("id").asLong() + "/confirm", "{}");
		assertThat(refused.status()).isEqualTo(409);
		// Asking twice proposes nothing twice.
		assertThat(api.get("/api/v1/calendar/holidays?year=2024").body().size()).isEqualTo(year.size());
	}

	@Test
	void anAdministratorMovesAFeastToTheDayAnnouncedAndTheCalendarFollows() {
		Api api = new Api(port);
		JsonNode fitr = holiday(api.get("/api/v1/calendar/holidays?year=2031").body(), "EID_AL_FITR");
		LocalDate proposed = LocalDate.parse(fitr.get("firstDay").asText());
		Api.Response tooFar = api.post("/api/v1/calendar/holidays/" + fitr.get("id").asLong() + "/move",
				"{\"firstDay\":\"" + proposed.plusDays(10) + "\"}");
		assertThat(tooFar.status()).isEqualTo(400);
		assertThat(tooFar.body().get("errors").get(0).get("field").asText()).isEqualTo("firstDay");
		Api.Response moved = api.post("/api/v1/calendar/holidays/" + fitr.get("id").asLong() + "/move",
				"{\"firstDay\":\"" + proposed.plusDays(1) + "\"}");
		assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
		assertThat(moved.body().get("status").asText()).isEqualTo("CONFIRMED");
		assertThat(moved.body().get("proposedDay").asText()).isEqualTo(proposed.toString());
		assertThat(moved.body().get("decidedBy").asText()).isEqualTo(Api.ADMINISTRATOR);
		// The first day proposed is worked again (unless a weekend), the day after the second is now off.
		assertThat(calendar.workingDay(proposed.plusDays(2))).isFalse();
		assertThat(calendar.workingDay(proposed)).isEqualTo(proposed.getDayOfWeek().getValue() < 6);
		JsonNode adha = holiday(api.get("/api/v1/calendar/holidays?year=2031").body(), "EID_AL_ADHA");
		Api.Response confirmed = api.post("/api/v1/calendar/holidays/" + adha.get("id").asLong() + "/confirm", "{}");
		assertThat(confirmed.body().get("status").asText()).isEqualTo("CONFIRMED");
		assertThat(confirmed.body().get("firstDay").asText()).isEqualTo(adha.get("firstDay").asText());
	}
}
