package ma.amo.claims;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import ma.amo.population.PopulationImports;
import ma.amo.providers.Profession;
import ma.amo.providers.ProviderDirectory;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Registers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The adjudication queue goes on past a claim that cannot be decided: that one is set aside for an agent. */
@IntegrationTest
class ClaimQueueIntegrationTest {

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void aClaimDatedYearZeroIsSetAsideWithItsErrorAndTheClaimsBehindItAreDecided() {
		Api api = new Api(port);
		String patient = idcs();
		Registers.persons(imports, rnp(patient, cin(), "Tazi", "Nadia", LocalDate.of(1985, 6, 1), 'F'));
		assertThat(api.post("/api/v1/enrolments", """
				{"idcs":"%s","regime":"SALARIED_PRIVATE","startDate":"2024-01-01","waitingWaived":true}"""
			.formatted(patient)).status()).isEqualTo(201);
		String gp = directory.register(new ProviderDirectory.NewProfessional("Berrada", "Youssef",
				Profession.GENERAL_PRACTITIONER, null, "Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"),
				LocalDate.of(2020, 1, 1)).inpe();
		List<Long> valid = new ArrayList<>();
		valid.add(submit(api, patient, gp, "2025-03-10"));
		// Stored before the edge refused such dates: written straight into the table, as an old row would be.
		long bad = jdbc.sql("""
				insert into claim (kind, submitter, idempotency_key, request_hash, patient_idcs, care_date, filed_on,
				  executing_inpe, status, billed)
				values ('MEMBER_REIMBURSEMENT', 'portail-assures', ?, 'stored-before-validation', ?, '0001-01-01 BC',
				  '2025-03-20', ?, 'RECEIVED', 80) returning id""")
			.params(UUID.randomUUID().toString(), patient, gp)
			.query(Long.class)
			.single();
		jdbc.sql("insert into claim_line (claim_id, line_no, act_code, billed) values (?, 1, 'C', 80)").param(bad).update();
		valid.add(submit(api, patient, gp, "2025-03-11"));
		valid.add(submit(api, patient, gp, "2025-03-12"));

		Api.Response run = api.post("/api/v1/claims/adjudication-runs?limit=100000", "");

		assertThat(run.status()).as(run.raw()).isEqualTo(200);
		assertThat(run.body().get("setAside").asLong()).isPositive();
		for (long id : valid) {
			assertThat(status(api, id)).as("claim " + id).isIn("APPROVED", "PARTIALLY_APPROVED", "REJECTED", "IN_REVIEW");
		}
		assertThat(status(api, bad)).isEqualTo("RECEIVED");
		JsonNode setAside = setAside(api, bad);
		assertThat(setAside).as("claim %d in the set-aside list", bad).isNotNull();
		assertThat(setAside.get("reason").asText()).isNotBlank();
		assertThat(setAside.get("setAsideAt").asText()).isNotBlank();
		assertThat(api.get("/api/v1/claims/" + bad + "/history").body().toString()).contains("Mis de côté");

		// The next run leaves it aside; corrected and put back by an agent, it is decided.
		assertThat(api.post("/api/v1/claims/adjudication-runs", "").status()).isEqualTo(200);
		assertThat(setAside(api, bad)).isNotNull();
		jdbc.sql("update claim set care_date = '2025-03-13' where id = ?").param(bad).update();
		Api.Response back = api.post("/api/v1/claims/" + bad + "/put-back", "");
		assertThat(back.status()).as(back.raw()).isEqualTo(200);
		assertThat(setAside(api, bad)).isNull();
		assertThat(api.post("/api/v1/claims/" + bad + "/put-back", "").status()).isEqualTo(409);
		assertThat(api.post("/api/v1/claims/adjudication-runs", "").status()).isEqualTo(200);
		assertThat(status(api, bad)).isNotEqualTo("RECEIVED");
	}

	@Test
	void aSingleClaimThatCannotBeDecidedIsSetAsideInsteadOfFailingTheRequest() {
		Api api = new Api(port);
		String patient = idcs();
		Registers.persons(imports, rnp(patient, cin(), "Alami", "Karim", LocalDate.of(1979, 2, 3), 'M'));
		long bad = jdbc.sql("""
				insert into claim (kind, submitter, idempotency_key, request_hash, patient_idcs, care_date, filed_on,
				  executing_inpe, status, billed)
				values ('MEMBER_REIMBURSEMENT', 'portail-assures', ?, 'stored-before-validation', ?, '0001-01-01 BC',
				  '2025-03-20', '000000000', 'RECEIVED', 80) returning id""")
			.params(UUID.randomUUID().toString(), patient)
			.query(Long.class)
			.single();

		Api.Response adjudicated = api.post("/api/v1/claims/" + bad + "/adjudication", "");

		assertThat(adjudicated.status()).as(adjudicated.raw()).isEqualTo(200);
		assertThat(adjudicated.body().get("status").asText()).isEqualTo("RECEIVED");
		assertThat(setAside(api, bad)).isNotNull();
	}

	private static long submit(Api api, String patient, String executing, String careDate) {
		Api.Response response = api.post("/api/v1/claims", """
				{"kind":"MEMBER_REIMBURSEMENT","patientIdcs":"%s","careDate":"%s","filedOn":"2025-03-20",
				 "executingInpe":"%s","lines":[{"actCode":"C","billed":80}]}""".formatted(patient, careDate, executing),
				"Idempotency-Key", UUID.randomUUID().toString());
		assertThat(response.status()).as(response.raw()).isEqualTo(201);
		return response.body().get("id").asLong();
	}

	private static String status(Api api, long id) {
		return api.get("/api/v1/claims/" + id).body().get("status").asText();
	}

	/** The claim's entry in the set-aside list, or null. */
	private static JsonNode setAside(Api api, long id) {
		for (int page = 0;; page++) {
			JsonNode answer = api.get("/api/v1/claims/set-aside?size=200&page=" + page).body();
			for (JsonNode claim : answer.get("content")) {
				if (claim.get("id").asLong() == id) {
					return claim;
				}
			}
			if (page + 1 >= answer.get("totalPages").asLong()) {
				return null;
			}
		}
	}
}
