package ma.amo.security;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Who acted is the authenticated account: a name sent by the client (a header, a body field) is never recorded, the
 * record and the audit trail name the same account, and an idempotency key is the sending account's.
 */
@IntegrationTest
class AuthenticatedActorIntegrationTest {

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Api admin;

	@BeforeEach
	void client() {
		admin = new Api(port);
	}

	JsonNode enrolled() {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, cin(), "Berrada", "Nadia", LocalDate.of(1980, 2, 2), 'F'));
		Api.Response enrolled = admin.post("/api/v1/enrolments",
				"{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}"
					.formatted(idcs));
		assertThat(enrolled.status()).as(enrolled.raw()).isEqualTo(201);
		return enrolled.body().get("member");
	}

	String doctor() {
		return directory.register(new ProviderDirectory.NewProfessional("Tazi", "Karim", Profession.GENERAL_PRACTITIONER,
				null, "Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"), LocalDate.of(2020, 1, 1)).inpe();
	}

	static String name(Api api) {
		return api.get("/api/v1/users/me").body().get("name").asText();
	}

	@Test
	void aClaimIsSubmittedByTheAuthenticatedAccountAndItsKeyIsThatAccountsOnly() {
		String patient = enrolled().get("idcs").asText();
		String body = """
				{"kind":"MEMBER_REIMBURSEMENT","patientIdcs":"%s","careDate":"2025-02-03","filedOn":"2025-02-05",
				 "executingInpe":"%s","lines":[{"actCode":"C","billed":80}]}""".formatted(patient, doctor());
		String key = "fs-" + UUID.randomUUID();
		Api.Response mine = admin.post("/api/v1/claims", body, "Idempotency-Key", key, "Submitter", "portail-assures");
		assertThat(mine.status()).as(mine.raw()).isEqualTo(201);
		assertThat(mine.body().get("submitter").asText()).isEqualTo(Api.ADMINISTRATOR);
		// Another account's same key is another submission, not the first account's claim.
		Api other = Users.as(admin, "ADMINISTRATOR", null, null, null);
		Api.Response theirs = other.post("/api/v1/claims", body, "Idempotency-Key", key, "Submitter", Api.ADMINISTRATOR);
		assertThat(theirs.status()).as(theirs.raw()).isEqualTo(201);
		assertThat(theirs.body().get("id").asLong()).isNotEqualTo(mine.body().get("id").asLong());
		assertThat(theirs.body().get("submitter").asText()).isEqualTo(name(other));
		assertThat(admin.post("/api/v1/claims", body, "Idempotency-Key", key).status()).isEqualTo(200);
		// The audit trail names the same account as the record.
		assertThat(jdbc.sql("select actor from audit_entry where record_type = 'CLAIM' and record_id = ? and action = 'CHANGE'")
			.param(theirs.body().get("id").asText()).query(String.class).list()).containsExactly(name(other));
	}

	@Test
	void aPaymentKeyIsTheSendingAccountsOnly() {
		String number = enrolled().get("registrationNumber").asText();
		String payment = "{\"payerKind\":\"MEMBER\",\"payer\":\"%s\",\"amount\":100,\"paidOn\":\"2025-01-10\",\"means\":\"TRANSFER\"}"
			.formatted(number);
		String key = "pay-" + UUID.randomUUID();
		Api.Response first = admin.post("/api/v1/contributions/payments", payment, "Idempotency-Key", key);
		assertThat(first.status()).as(first.raw()).isEqualTo(201);
		Api finance = Users.as(admin, "FINANCE", null, null, null);
		Api.Response second = finance.post("/api/v1/contributions/payments", payment, "Idempotency-Key", key);
		assertThat(second.status()).as(second.raw()).isEqualTo(201);
		assertThat(second.body().get("id").asLong()).isNotEqualTo(first.body().get("id").asLong());
		assertThat(admin.post("/api/v1/contributions/payments", payment, "Idempotency-Key", key).body().get("id").asLong())
			.isEqualTo(first.body().get("id").asLong());
		assertThat(jdbc.sql("select recorded_by from payment where id = ?").param(second.body().get("id").asLong())
			.query(String.class).single()).isEqualTo(name(finance));
	}

	@Test
	void anExemptionIsGrantedByTheReviewersAccountWhateverNameIsSent() {
		String idcs = enrolled().get("idcs").asText();
		Api reviewer = Users.medicalReviewer(admin);
		Api.Response granted = reviewer.post("/api/v1/ald-exemptions",
				"{\"idcs\":\"%s\",\"conditionCode\":9,\"validFrom\":\"2024-03-01\",\"grantedBy\":\"dr.quelqu-un\"}".formatted(idcs));
		assertThat(granted.status()).as(granted.raw()).isEqualTo(201);
		assertThat(granted.body().get("grantedBy").asText()).isEqualTo(name(reviewer));
	}

	@Test
	void aComplaintKeyIsTheFilingAccountsOnlyAndTheHistoryNamesThatAccount() {
		String idcs = enrolled().get("idcs").asText();
		String complaint = """
				{"complainantKind":"INSURED","complainantId":"%s","category":"REIMBURSEMENT_DELAY","subject":"Retard",
				 "description":"Toujours pas remboursé."}""".formatted(idcs);
		String key = "rec-" + UUID.randomUUID();
		Api.Response first = admin.post("/api/v1/complaints", complaint, "Idempotency-Key", key);
		assertThat(first.status()).as(first.raw()).isEqualTo(201);
		Api other = Users.as(admin, "ADMINISTRATOR", null, null, null);
		Api.Response second = other.post("/api/v1/complaints", complaint, "Idempotency-Key", key);
		assertThat(second.status()).as(second.raw()).isEqualTo(201);
		assertThat(second.body().get("id").asLong()).isNotEqualTo(first.body().get("id").asLong());
		assertThat(admin.post("/api/v1/complaints", complaint, "Idempotency-Key", key).body().get("id").asLong())
			.isEqualTo(first.body().get("id").asLong());
		JsonNode history = admin.get("/api/v1/complaints/" + second.body().get("id").asLong() + "/agent-view").body()
			.get("history");
		assertThat(history.get(0).get("actor").asText()).isEqualTo(name(other));
	}
}
