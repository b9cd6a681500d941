package ma.amo.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import ma.amo.population.PopulationImports;
import ma.amo.providers.Profession;
import ma.amo.providers.ProviderDirectory;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Hospital stays on the tariff's daily rates, optics on their flat amounts and ceilings, orthodontics up to its age
 * limit. Amounts by hand: JOURNEE_MEDECINE 850 DH a day, frame 400 DH, standard lens 400 DH (the optics ceilings: a
 * frame 400 DH and a pair of lenses 800 DH covered over 24 months), D 17.50 DH; CNSS regimes cover 70 %.
 */
@IntegrationTest
class ClaimFlatRatePricingIntegrationTest {

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	ClaimFixtures fixtures;

	@BeforeEach
	void client() {
		fixtures = new ClaimFixtures(new Api(port), imports, directory);
		fixtures.noSample("2024-02-01", "2025-01-01");
	}

	static BigDecimal amount(JsonNode line, String field) {
		return line.get(field).get("amount").decimalValue();
	}

	@Test
	void aHospitalStayIsPricedAtTheDailyRateTimesTheDays() {
		// 5 days of medical stay: base 850 × 5 = 4,250.00, billed 5,000: covered 4,250 × 70 % = 2,975.00.
		String patient = fixtures.insured("SALARIED_PRIVATE");
		String doctor = fixtures.doctor(Profession.SPECIALIST, "Médecine interne");
		JsonNode claim = fixtures.claim(patient, "2025-04-07", "2025-04-20", doctor,
				"{\"actCode\":\"JOURNEE_MEDECINE\",\"quantity\":5,\"billed\":5000}");
		JsonNode line = claim.get("lines").get(0);
		assertThat(amount(line, "base")).isEqualByComparingTo("4250.00");
		assertThat(amount(line, "covered")).isEqualByComparingTo("2975.00");
		assertThat(line.get("reasons").toString()).contains("DAILY_RATE: 850.00 DH par jour × 5 jours = 4250.00");
		// A stay needs a prior approval: a member's claim for it goes to an agent.
		assertThat(claim.get("reviewReasons").toString()).contains("PRIOR_APPROVAL_MISSING");
		assertThat(jdbc.sql("""
				select (figures ->> 'days')::int from claim_line_reason where claim_id = ? and code = 'DAILY_RATE'""")
			.param(claim.get("id").asLong()).query(Integer.class).single()).isEqualTo(5);
		// Intensive care on its own rate: 2,500 × 2 = 5,000.00 at 70 % = 3,500.00.
		JsonNode intensive = fixtures.claim(patient, "2025-04-12", "2025-04-20", doctor,
				"{\"actCode\":\"JOURNEE_REANIMATION\",\"quantity\":2,\"billed\":5000}");
		assertThat(amount(intensive.get("lines").get(0), "covered")).isEqualByComparingTo("3500.00");
	}

	@Test
	void aStayWithoutItsDaysOrOverAYearIsNotPriced() {
		Api api = fixtures.api();
		for (String quantity : new String[] { "", ",\"quantity\":0", ",\"quantity\":366" }) {
			Api.Response refused = api.post("/api/v1/tariffs/quote", """
					{"regime":"SALARIED_PRIVATE","careDate":"2025-04-07","sector":"PRIVATE",
					 "lines":[{"actCode":"JOURNEE_MEDECINE","billed":850%s}]}""".formatted(quantity));
			assertThat(refused.status()).as(quantity).isEqualTo(400);
			assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("lines[0].quantity");
		}
		// A year in one line is priced: 850 × 365 = 310,250.00.
		JsonNode year = api.post("/api/v1/tariffs/quote", """
				{"regime":"SALARIED_PRIVATE","careDate":"2025-04-07","sector":"PRIVATE",
				 "lines":[{"actCode":"JOURNEE_MEDECINE","quantity":365,"billed":310250}]}""").body();
		assertThat(amount(year.get("lines").get(0), "base")).isEqualByComparingTo("310250.00");
		assertThat(year.get("lines").get(0).get("notes").get(1).get("code").asText()).isEqualTo("DAILY_RATE");
	}

	@Test
	void framesAndLensesArePricedOnTheirFlatAmountsWithinTheirCeilingOverTwentyFourMonths() {
		String patient = fixtures.insured("SALARIED_PRIVATE");
		String optician = fixtures.doctor(Profession.SPECIALIST, "Ophtalmologie");
		// February 2024: a frame billed 650 (base 400: 280.00 covered) and two lenses billed 700 (base 800: the billed
		// 700 × 70 % = 490.00 covered).
		JsonNode first = fixtures.claim(patient, "2024-02-05", "2024-02-20", optician,
				"{\"actCode\":\"OPTIQUE_MONTURE\",\"billed\":650},{\"actCode\":\"OPTIQUE_VERRE\",\"quantity\":2,\"billed\":700}");
		assertThat(amount(first.get("lines").get(0), "base")).isEqualByComparingTo("400.00");
		assertThat(amount(first.get("lines").get(0), "covered")).isEqualByComparingTo("280.00");
		assertThat(amount(first.get("lines").get(1), "base")).isEqualByComparingTo("800.00");
		assertThat(amount(first.get("lines").get(1), "covered")).isEqualByComparingTo("490.00");
		assertThat(first.get("lines").get(0).get("reasons").toString()).contains("FLAT_AMOUNT: forfait 400.00 DH × 1 = 400.00");
		assertThat(first.get("status").asText()).isEqualTo("APPROVED");
		// June 2025, within 24 months: a new frame would cover 280.00, but 280.00 of the 400 DH ceiling are used:
		// 120.00 covered, the line reduced. New lenses: 490.00 used of 800, 310.00 left of the 560.00.
		JsonNode second = fixtures.claim(patient, "2025-06-02", "2025-06-10", optician,
				"{\"actCode\":\"OPTIQUE_MONTURE\",\"billed\":400},{\"actCode\":\"OPTIQUE_VERRE\",\"quantity\":2,\"billed\":800}");
		assertThat(second.get("lines").get(0).get("outcome").asText()).isEqualTo("REDUCED");
		assertThat(amount(second.get("lines").get(0), "covered")).isEqualByComparingTo("120.00");
		assertThat(second.get("lines").get(0).get("reasons").toString())
			.contains("CEILING_REACHED: Monture de lunettes: plafond 400 DH sur 24 mois, déjà pris en charge 280.00 DH");
		assertThat(amount(second.get("lines").get(1), "covered")).isEqualByComparingTo("310.00");
		assertThat(second.get("status").asText()).isEqualTo("PARTIALLY_APPROVED");
		// March 2026: the February 2024 frame is more than 24 months back, only June 2025's 120.00 counts: 280.00
		// covered in full.
		JsonNode third = fixtures.claim(patient, "2026-03-02", "2026-03-10", optician,
				"{\"actCode\":\"OPTIQUE_MONTURE\",\"billed\":400}");
		assertThat(third.get("lines").get(0).get("outcome").asText()).isEqualTo("ACCEPTED");
		assertThat(amount(third.get("lines").get(0), "covered")).isEqualByComparingTo("280.00");
	}

	@Test
	void orthodonticsIsCoveredAtSixteenAndRefusedAtSeventeen() {
		String dentist = fixtures.doctor(Profession.DENTIST, null);
		// 2 March 2026: born 1 June 2009, 16; born 1 March 2009, 17 since the day before.
		String sixteen = fixtures.insured("SALARIED_PRIVATE", LocalDate.of(2009, 6, 1));
		String seventeen = fixtures.insured("SALARIED_PRIVATE", LocalDate.of(2009, 3, 1));
		String treatment = "{\"actCode\":\"ORTHODONTIE\",\"coefficient\":100,\"billed\":2000}";
		// D 17.50 × 100 = 1,750.00 × 70 % = 1,225.00; orthodontics needs a prior approval: to an agent.
		JsonNode young = fixtures.claim(sixteen, "2026-03-02", "2026-03-05", dentist, treatment);
		assertThat(young.get("lines").get(0).get("outcome").asText()).isEqualTo("ACCEPTED");
		assertThat(amount(young.get("lines").get(0), "covered")).isEqualByComparingTo("1225.00");
		JsonNode old = fixtures.claim(seventeen, "2026-03-02", "2026-03-05", dentist, treatment);
		assertThat(old.get("lines").get(0).get("outcome").asText()).isEqualTo("REJECTED");
		assertThat(old.get("status").asText()).isEqualTo("REJECTED");
		assertThat(old.get("lines").get(0).get("reasons").toString())
			.contains("ORTHODONTICS_AGE_LIMIT: orthodontie prise en charge jusqu'à 16 ans, patient de 17 ans le 02/03/2026");
		assertThat(jdbc.sql("select (figures ->> 'age')::int from claim_line_reason where claim_id = ? and code = 'ORTHODONTICS_AGE_LIMIT'")
			.param(old.get("id").asLong()).query(Integer.class).single()).isEqualTo(17);
	}
}
