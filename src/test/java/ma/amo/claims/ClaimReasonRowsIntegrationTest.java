package ma.amo.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

/** The reasons of each claim line are rows with their code and figures; the rules and review triggers are one list. */
@IntegrationTest
class ClaimReasonRowsIntegrationTest {

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
		fixtures.noSample("2025-05-01", "2025-06-01");
	}

	@Test
	void eachReasonOfALineIsARowWithItsCodeAndFiguresAndTheClaimReadsAsBefore() {
		// C billed 120, base 80: covered 80 × 70 % = 56.00; the notes in the order the quote gave them.
		JsonNode claim = fixtures.claim(fixtures.insured("SALARIED_PRIVATE"), "2025-05-12", "2025-05-20",
				fixtures.doctor(Profession.GENERAL_PRACTITIONER, null), "{\"actCode\":\"C\",\"billed\":120}");
		long id = claim.get("id").asLong();
		List<String> codes = jdbc.sql("select code from claim_line_reason where claim_id = ? and line_no = 0 order by position")
			.param(id).query(String.class).list();
		assertThat(codes).containsExactly("TARIFF_VERSION", "BASE", "BILLED_ABOVE_BASE", "RATE");
		Map<String, Object> base = jdbc.sql("""
				select figures ->> 'keyLetter' as letter, (figures ->> 'value')::numeric as value,
				  (figures ->> 'base')::numeric as base
				from claim_line_reason where claim_id = ? and code = 'BASE'""").param(id).query().singleRow();
		assertThat(base.get("letter")).isEqualTo("C");
		assertThat((java.math.BigDecimal) base.get("value")).isEqualByComparingTo("80");
		assertThat((java.math.BigDecimal) base.get("base")).isEqualByComparingTo("80");
		assertThat(jdbc.sql("select (figures ->> 'ratePercent')::int from claim_line_reason where claim_id = ? and code = 'RATE'")
			.param(id).query(Integer.class).single()).isEqualTo(70);
		// Clients read the reasons as the French texts they always had.
		JsonNode reasons = fixtures.api().get("/api/v1/claims/" + id).body().get("lines").get(0).get("reasons");
		List<String> texts = new ArrayList<>();
		reasons.forEach(r -> texts.add(r.asText()));
		assertThat(texts).hasSize(4);
		assertThat(texts.get(1)).isEqualTo("BASE: C 80.00 × 1 = 80.00");
		assertThat(texts.get(3)).startsWith("RATE: ").contains("70 %");
	}

	@Test
	void howManyLinesEachReasonRejectedIsACountByCode() {
		String patient = fixtures.insured("SALARIED_PRIVATE");
		String gp = fixtures.doctor(Profession.GENERAL_PRACTITIONER, null);
		// Two claims filed 61 days after the care, and a duplicate of a consultation on a third claim.
		long late1 = fixtures.claim(patient, "2025-04-01", "2025-06-01", gp, "{\"actCode\":\"C\",\"billed\":80}").get("id").asLong();
		long late2 = fixtures.claim(patient, "2025-04-02", "2025-06-02", gp, "{\"actCode\":\"V\",\"billed\":120}").get("id").asLong();
		long twice = fixtures.claim(patient, "2025-06-03", "2025-06-05", gp,
				"{\"actCode\":\"Z\",\"coefficient\":15,\"billed\":150},{\"actCode\":\"Z\",\"coefficient\":15,\"billed\":150}")
			.get("id").asLong();
		Map<String, Long> counts = new java.util.HashMap<>();
		jdbc.sql("""
				select r.code, count(*) from claim_line_reason r join claim_line l using (claim_id, line_no)
				where r.claim_id = any(?) and l.outcome = 'REJECTED' group by r.code""")
			.param(new Long[] { late1, late2, twice })
			.query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
		assertThat(counts).containsEntry("LATE_FILING", 2L).containsEntry("DUPLICATE", 1L);
	}

	@Test
	void theRulesRunInOneListWithTheReviewTriggersLastAndTheCatalogueShowsThem() {
		List<String> decisions = new ArrayList<>();
		List<String> reviews = new ArrayList<>();
		List<String> kinds = new ArrayList<>();
		for (JsonNode reason : fixtures.api().get("/api/v1/claims/reason-codes").body()) {
			kinds.add(reason.get("kind").asText());
			if (reason.get("kind").asText().equals("DECISION")) {
				decisions.add(reason.get("code").asText());
			}
			if (reason.get("kind").asText().equals("REVIEW")) {
				reviews.add(reason.get("code").asText());
			}
		}
		assertThat(decisions).containsExactly("RIGHTS_NOT_OPEN", "LATE_FILING", "PROVIDER_NOT_ELIGIBLE",
				"ALD_NOT_RECOGNISED", "NOT_COVERED", "ADULT_BASKET_EXCLUSION", "ORTHODONTICS_AGE_LIMIT",
				"PRIOR_APPROVAL_MISSING", "DUPLICATE", "SECOND_CONSULTATION_SAME_DAY", "CEILING_REACHED", "CARE_PATHWAY_BREACH",
				"TADAMON_PUBLIC_CARE");
		// The review triggers are rules too, run last, and listed last in their order.
		assertThat(reviews).containsExactly("ALD_PROTOCOL", "AMOUNT_THRESHOLD", "RANDOM_SAMPLE");
		assertThat(kinds.subList(kinds.size() - 3, kinds.size())).containsOnly("REVIEW");
	}

	@Test
	void aClaimReachingTheAmountThresholdGoesToAnAgentWithTheRulesReason() {
		fixtures.api().post("/api/v1/parameters/claims.review.amount-threshold", "{\"effectiveFrom\":\"2025-05-20\",\"value\":\"100\"}");
		fixtures.api().post("/api/v1/parameters/claims.review.amount-threshold", "{\"effectiveFrom\":\"2025-05-21\",\"value\":\"10000\"}");
		String patient = fixtures.insured("SALARIED_PRIVATE");
		// Cs 150 × 70 % = 105.00 covered, at or above 100 on that day only.
		String cardiologist = fixtures.doctor(Profession.SPECIALIST, "Cardiologie");
		JsonNode claim = fixtures.claim(patient, "2025-05-20", "2025-05-22", cardiologist,
				"{\"actCode\":\"Cs\",\"billed\":150}");
		assertThat(claim.get("status").asText()).isEqualTo("IN_REVIEW");
		assertThat(claim.get("reviewReasons").toString())
			.contains("AMOUNT_THRESHOLD: montant pris en charge 105.00 DH, seuil de revue 100 DH");
		JsonNode below = fixtures.claim(patient, "2025-05-21", "2025-05-22", cardiologist, "{\"actCode\":\"Cs\",\"billed\":150}");
		assertThat(below.get("reviewReasons").toString()).doesNotContain("AMOUNT_THRESHOLD");
	}
}
