package ma.amo.tariffs;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import ma.amo.population.PopulationImports;
import ma.amo.providers.Profession;
import ma.amo.providers.ProviderDirectory;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Registers;
import ma.amo.support.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The ALD list under the regulator's maker-checker: a condition added from a date can be granted from that date, one
 * retired from a date no longer carries the exempted rate for care from that date. Condition 88 is this test's own.
 */
@IntegrationTest
class LongTermConditionChangeIntegrationTest {

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void aConditionAddedAndThenRetiredByTwoRegulatorsIsOnTheListOnlyBetweenItsDates() {
		Api admin = new Api(port);
		admin.post("/api/v1/parameters/claims.review.sample-percent", "{\"effectiveFrom\":\"2025-01-01\",\"value\":\"0\"}");
		Api maker = Users.as(admin, "REGULATOR", null, null, null);
		Api checker = Users.as(admin, "REGULATOR", null, null, null);
		Api reviewer = Users.medicalReviewer(admin);
		// Added from 1 January 2026: applies once the second regulator approves it.
		Api.Response proposed = maker.post("/api/v1/ald-list-changes", """
				{"action":"ADD","code":88,"label":"Maladie rare de test","lifelongExemption":false,"exemptionYears":5,
				 "source":"Arrêté de test","effectiveFrom":"2026-01-01","reason":"Inscription décidée par la commission"}""");
		assertThat(proposed.status()).as(proposed.raw()).isEqualTo(201);
		long added = proposed.body().get("id").asLong();
		assertThat(maker.post("/api/v1/ald-list-changes/" + added + "/approval", "{}").raw()).contains("maker-checker");
		assertThat(admin.get("/api/v1/tariffs/long-term-conditions/88").status()).isEqualTo(404);
		assertThat(checker.post("/api/v1/ald-list-changes/" + added + "/approval", "{}").body().get("status").asText())
			.isEqualTo("APPLIED");
		assertThat(admin.get("/api/v1/tariffs/long-term-conditions/88").body().get("label").asText()).isEqualTo("Maladie rare de test");
		// Adding it again while listed is refused.
		long again = maker.post("/api/v1/ald-list-changes", """
				{"action":"ADD","code":88,"label":"Doublon","lifelongExemption":false,"exemptionYears":5,
				 "effectiveFrom":"2026-02-01","reason":"Doublon"}""").body().get("id").asLong();
		assertThat(checker.post("/api/v1/ald-list-changes/" + again + "/approval", "{}").status()).isEqualTo(409);
		// An exemption is granted for it from its date, not before.
		String patient = insured();
		assertThat(reviewer.post("/api/v1/ald-exemptions", grant(patient, "2025-12-01")).raw()).contains("known-condition");
		Api.Response granted = reviewer.post("/api/v1/ald-exemptions", grant(patient, "2026-01-15"));
		assertThat(granted.status()).as(granted.raw()).isEqualTo(201);
		String number = granted.body().get("number").asText();
		// Retired from 1 May 2026: care from that day is priced at the normal rate, and the reason says why.
		long retired = maker.post("/api/v1/ald-list-changes",
				"{\"action\":\"RETIRE\",\"code\":88,\"effectiveFrom\":\"2026-05-01\",\"reason\":\"Radiation de la liste\"}")
			.body().get("id").asLong();
		assertThat(checker.post("/api/v1/ald-list-changes/" + retired + "/approval", "{}").status()).isEqualTo(200);
		String gp = directory.register(new ProviderDirectory.NewProfessional("Idrissi", "Omar",
				Profession.GENERAL_PRACTITIONER, null, "Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"), LocalDate.of(2020, 1, 1)).inpe();
		JsonNode before = submit(admin, patient, "2026-04-30", gp, number);
		assertThat(before.get("lines").get(0).get("covered").get("amount").decimalValue()).isEqualByComparingTo("72.00");
		JsonNode after = submit(admin, patient, "2026-05-04", gp, number);
		assertThat(after.get("lines").get(0).get("covered").get("amount").decimalValue()).isEqualByComparingTo("56.00");
		assertThat(after.get("lines").get(0).get("reasons").toString())
			.contains("ALD_NOT_RECOGNISED: affection absente de la liste des ALD au 04/05/2026");
		// A change of a condition not listed on its date is refused when approved.
		long change = maker.post("/api/v1/ald-list-changes", """
				{"action":"CHANGE","code":88,"label":"Nouveau libellé","lifelongExemption":true,"exemptionYears":5,
				 "effectiveFrom":"2026-06-01","reason":"Libellé corrigé"}""").body().get("id").asLong();
		assertThat(checker.post("/api/v1/ald-list-changes/" + change + "/approval", "{}").raw()).contains("\"listed\"");
		// Payer agents read the changes; they make none.
		Api agent = Users.as(admin, "PAYER_AGENT", "CNSS", null, null);
		assertThat(agent.get("/api/v1/ald-list-changes/" + retired).body().get("decidedBy").asText()).isEqualTo(checker.username());
		assertThat(agent.post("/api/v1/ald-list-changes/" + change + "/rejection", "{\"note\":\"non\"}").status()).isEqualTo(403);
		assertThat(checker.post("/api/v1/ald-list-changes/" + change + "/rejection", "{\"note\":\"Sans objet\"}").body()
			.get("status").asText()).isEqualTo("REJECTED");
	}

	@Test
	void aChangeWithAFieldOutOfItsBoundsIsRefusedNamingTheFieldAndNothingIsStored() {
		Api maker = Users.as(new Api(port), "REGULATOR", null, null, null);
		long before = jdbc.sql("select count(*) from long_term_condition_change").query(Long.class).single();
		Api.Response refused = maker.post("/api/v1/ald-list-changes",
				"{\"action\":\"ADD\",\"code\":120,\"exemptionYears\":0,\"effectiveFrom\":\"2026-01-01\",\"reason\":\" \"}");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.raw()).contains("\"code\"", "\"label\"", "\"lifelongExemption\"", "\"exemptionYears\"", "\"reason\"");
		assertThat(maker.post("/api/v1/ald-list-changes", "{\"action\":\"RETIRE\",\"code\":9,\"effectiveFrom\":\"2026-01-01\","
				+ "\"reason\":\"" + "x".repeat(1001) + "\"}").status()).isEqualTo(400);
		assertThat(maker.post("/api/v1/ald-list-changes", "{\"action\":\"MERGE\",\"code\":9}").status()).isEqualTo(400);
		assertThat(jdbc.sql("select count(*) from long_term_condition_change").query(Long.class).single()).isEqualTo(before);
	}

	private String insured() {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, cin(), "Chraibi", "Hind", LocalDate.of(1980, 5, 5), 'F'));
		assertThat(new Api(port).post("/api/v1/enrolments",
				"{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}"
					.formatted(idcs)).status()).isEqualTo(201);
		return idcs;
	}

	private static String grant(String idcs, String from) {
		return "{\"idcs\":\"%s\",\"conditionCode\":88,\"validFrom\":\"%s\",\"grantedBy\":\"dr.conseil\"}".formatted(idcs, from);
	}

	private static JsonNode submit(Api api, String patient, String careDate, String gp, String number) {
		Api.Response response = api.post("/api/v1/claims?adjudicate=true", """
				{"kind":"MEMBER_REIMBURSEMENT","patientIdcs":"%s","careDate":"%s","filedOn":"%s","executingInpe":"%s",
				 "aldCode":88,"exemptionNumber":"%s","lines":[{"actCode":"C","billed":80}]}"""
			.formatted(patient, careDate, LocalDate.parse(careDate).plusDays(3), gp, number), "Idempotency-Key",
				UUID.randomUUID().toString());
		assertThat(response.status()).as(response.raw()).isEqualTo(201);
		return response.body();
	}
}
