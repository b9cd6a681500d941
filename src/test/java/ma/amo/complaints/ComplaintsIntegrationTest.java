package ma.amo.complaints;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Complaints end to end through the API. The legal clocks are 15 and 60 calendar days from the filing date
 * (décret 2-17-265); complaints received on paper are filed with their date of receipt, which lets these tests put
 * the clocks where they need them relative to today.
 */
@IntegrationTest
class ComplaintsIntegrationTest {

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@LocalServerPort
	int port;

	Api api;
	LocalDate today;

	@BeforeEach
	void client() {
		api = new Api(port);
		today = LocalDate.now(clock);
	}

	String person() {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, cin(), "Bennani", "Khadija", LocalDate.of(1980, 4, 12), 'F'));
		return idcs;
	}

	static String complaint(String kind, String id, String category, LocalDate receivedOn) {
		return """
				{"complainantKind":"%s","complainantId":"%s","category":"%s","subject":"Remboursement en attente",
				 "description":"Feuille de soins déposée il y a trois mois, toujours pas remboursée."%s}"""
			.formatted(kind, id, category, receivedOn == null ? "" : ",\"receivedOn\":\"" + receivedOn + "\"");
	}

	Api.Response post(String body) {
		return api.post("/api/v1/complaints", body, "Idempotency-Key", UUID.randomUUID().toString());
	}

	JsonNode file(String idcs, String category, LocalDate receivedOn) {
		Api.Response response = post(complaint("INSURED", idcs, category, receivedOn));
		assertThat(response.status()).as(response.raw()).isEqualTo(201);
		return response.body();
	}

	Api.Response step(long id, String action, String body) {
		return api.post("/api/v1/complaints/" + id + "/" + action, body);
	}

	JsonNode done(long id, String action, String body) {
		Api.Response response = step(id, action, body);
		assertThat(response.status()).as(response.raw()).isEqualTo(200);
		return response.body();
	}

	List<Long> overdueIds(LocalDate date) {
		List<Long> ids = new ArrayList<>();
		api.get("/api/v1/complaints/overdue?date=" + date).body().forEach(o -> ids.add(o.get("id").asLong()));
		return ids;
	}

	JsonNode overdue(long id, LocalDate date) {
		for (JsonNode o : api.get("/api/v1/complaints/overdue?date=" + date).body()) {
			if (o.get("id").asLong() == id) {
				return o;
			}
		}
		return null;
	}

	@Test
	void filingComputesTheFifteenAndSixtyDayDueDatesFromTheFilingDate() {
		LocalDate received = today.minusDays(3);
		JsonNode filed = file(person(), "REIMBURSEMENT_DELAY", received);
		assertThat(filed.get("status").asText()).isEqualTo("FILED");
		assertThat(filed.get("categoryLabel").asText()).isEqualTo("Retard de remboursement");
		assertThat(filed.get("filedOn").asText()).isEqualTo(received.toString());
		assertThat(filed.get("acknowledgementDue").asText()).isEqualTo(received.plusDays(15).toString());
		assertThat(filed.get("answerDue").asText()).isEqualTo(received.plusDays(60).toString());

		JsonNode today = file(person(), "RIGHTS", null);
		assertThat(today.get("filedOn").asText()).isEqualTo(this.today.toString());
		assertThat(today.get("acknowledgementDue").asText()).isEqualTo(this.today.plusDays(15).toString());
	}

	@Test
	void theDelaysAreParametersOfTheDecreeReadAtTheFilingDateAndTheDueDatesStayAsComputed() {
		JsonNode parameter = api.get("/api/v1/parameters/complaints.acknowledgement-days").body();
		assertThat(parameter.get("source").asText()).contains("2-17-265");
		// A longer delay for January 2018 only: a complaint received then keeps the due date of its filing day.
		api.post("/api/v1/parameters/complaints.acknowledgement-days", "{\"effectiveFrom\":\"2018-01-01\",\"value\":\"30\"}");
		api.post("/api/v1/parameters/complaints.acknowledgement-days", "{\"effectiveFrom\":\"2018-02-01\",\"value\":\"15\"}");
		JsonNode filed = file(person(), "RIGHTS", LocalDate.of(2018, 1, 10));
		assertThat(filed.get("acknowledgementDue").asText()).isEqualTo("2018-02-09");
		assertThat(filed.get("answerDue").asText()).isEqualTo("2018-03-11");
		assertThat(file(person(), "RIGHTS", LocalDate.of(2018, 2, 10)).get("acknowledgementDue").asText())
			.isEqualTo("2018-02-25");
	}

	@Test
	void aComplaintIsNotOverdueOnDayFifteenAndIsOneDayLateOnDaySixteen() {
		LocalDate received = today.minusDays(40);
		long id = file(person(), "REFUSAL", received).get("id").asLong();
		assertThat(overdueIds(received.plusDays(15))).doesNotContain(id);
		JsonNode late = overdue(id, received.plusDays(16));
		assertThat(late).isNotNull();
		assertThat(late.get("acknowledgementDaysLate").asInt()).isEqualTo(1);
		assertThat(late.get("answerDaysLate")).isNull();
		assertThat(late.get("daysLate").asInt()).isEqualTo(1);
	}

	@Test
	void anAnsweredComplaintLeavesTheOverdueListButStaysOnTheListsOfThePastDays() {
		LocalDate received = today.minusDays(70);
		long id = file(person(), "REIMBURSEMENT_DELAY", received).get("id").asLong();
		JsonNode late = overdue(id, today);
		assertThat(late.get("acknowledgementDaysLate").asInt()).isEqualTo(55);
		assertThat(late.get("answerDaysLate").asInt()).isEqualTo(10);
		assertThat(late.get("daysLate").asInt()).isEqualTo(55);

		done(id, "acknowledgement", "{}");
		assertThat(overdue(id, today).get("acknowledgementDaysLate")).isNull();
		done(id, "answer", "{\"comment\":\"Votre dossier a été remboursé le 3 du mois.\"}");
		assertThat(overdueIds(today)).doesNotContain(id);
		assertThat(overdueIds(received.plusDays(20))).contains(id);
	}

	@Test
	void theOverdueListShowsTheOldestComplaintsFirst() {
		long younger = file(person(), "RIGHTS", today.minusDays(20)).get("id").asLong();
		long older = file(person(), "RIGHTS", today.minusDays(90)).get("id").asLong();
		List<Long> ids = overdueIds(today);
		assertThat(ids).contains(older, younger);
		assertThat(ids.indexOf(older)).isLessThan(ids.indexOf(younger));
	}

	@Test
	void stepsOutOfOrderAreRefusedNamingTheRule() {
		long id = file(person(), "REFUSAL", null).get("id").asLong();
		Api.Response answer = step(id, "answer", "{\"comment\":\"Réponse\"}");
		assertThat(answer.status()).isEqualTo(409);
		assertThat(answer.body().get("errors").get(0).get("rule").asText()).isEqualTo("acknowledge-first");
		Api.Response close = step(id, "closure", "{}");
		assertThat(close.status()).isEqualTo(409);
		assertThat(close.body().get("errors").get(0).get("rule").asText()).isEqualTo("answer-first");

		done(id, "acknowledgement", "{}");
		Api.Response again = step(id, "acknowledgement", "{}");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.body().get("errors").get(0).get("rule").asText()).isEqualTo("acknowledge-once");
		Api.Response noAssignee = step(id, "assignment", "{\"comment\":\"à qui?\"}");
		assertThat(noAssignee.status()).isEqualTo(400);
		assertThat(noAssignee.body().get("errors").get(0).get("field").asText()).isEqualTo("assignee");

		done(id, "answer", "{\"comment\":\"Le refus est confirmé: acte hors nomenclature.\"}");
		done(id, "closure", "{}");
		Api.Response closed = step(id, "escalation", "{\"comment\":\"Recours\"}");
		assertThat(closed.status()).isEqualTo(409);
		assertThat(closed.body().get("errors").get(0).get("rule").asText()).isEqualTo("not-closed");
		assertThat(api.get("/api/v1/complaints/" + id + "/agent-view").body().get("history")).hasSize(4);
	}

	@Test
	void anEscalationToTheRegulatorIsRecordedWithItsReasonAndTheAnswerIsStillOwed() {
		long id = file(person(), "REFUSAL", today.minusDays(5)).get("id").asLong();
		done(id, "acknowledgement", "{\"on\":\"" + today.minusDays(4) + "\"}");
		JsonNode escalated = done(id, "escalation",
				"{\"actor\":\"chef.service\",\"comment\":\"Litige sur l'interprétation de la nomenclature\"}");
		assertThat(escalated.get("status").asText()).isEqualTo("ESCALATED");
		assertThat(escalated.get("escalatedOn").asText()).isEqualTo(today.toString());
		JsonNode last = escalated.get("history").get(2);
		assertThat(last.get("action").asText()).isEqualTo("ESCALATE");
		// The step names the account that took it, not a name the client sends.
		assertThat(last.get("actor").asText()).isEqualTo(Api.ADMINISTRATOR);
		assertThat(last.get("comment").asText()).contains("nomenclature");
		assertThat(step(id, "escalation", "{\"comment\":\"encore\"}").body().get("errors").get(0)
			.get("rule").asText()).isEqualTo("escalate-once");
		assertThat(step(id, "escalation", "{}").status()).isEqualTo(409);
		assertThat(overdue(id, today.minusDays(5).plusDays(61)).get("answerDaysLate").asInt()).isEqualTo(1);
		assertThat(done(id, "answer", "{\"comment\":\"Avis de l'ANAM appliqué.\"}")
			.get("status").asText()).isEqualTo("ANSWERED");
	}

	@Test
	void internalNotesAndAgentNamesAreAbsentFromTheComplainantsView() {
		String idcs = person();
		long id = file(idcs, "PROVIDER_BEHAVIOUR", null).get("id").asLong();
		done(id, "acknowledgement", "{\"comment\":\"Accusé de réception envoyé par SMS\"}");
		done(id, "assignment", "{\"assignee\":\"inspecteur.medical\",\"comment\":\"voir le médecin conseil\"}");
		assertThat(api.post("/api/v1/complaints/" + id + "/notes",
				"{\"text\":\"Troisième plainte contre ce cabinet\"}").status()).isEqualTo(201);

		JsonNode agent = api.get("/api/v1/complaints/" + id + "/agent-view").body();
		assertThat(agent.get("notes").get(0).get("text").asText()).isEqualTo("Troisième plainte contre ce cabinet");
		assertThat(agent.get("assignee").asText()).isEqualTo("inspecteur.medical");
		// What people write may tell a diagnosis: encrypted at rest.
		assertThat(jdbc.sql("select text from complaint_note where complaint_id = ?").param(id).query(String.class).single())
			.startsWith("enc:").doesNotContain("plainte");
		assertThat(jdbc.sql("select description from complaint where id = ?").param(id).query(String.class).single())
			.startsWith("enc:");

		String view = api.get("/api/v1/complaints/" + id).raw();
		assertThat(view).doesNotContain("Troisième plainte", "inspecteur.medical", "agent.tanger", "médecin conseil")
			.contains("Accusé de réception envoyé par SMS", "ASSIGNED");
		assertThat(api.get("/api/v1/complaints?complainantKind=INSURED&complainantId=" + idcs).raw())
			.doesNotContain("Troisième plainte").contains("\"id\":" + id);
	}

	@Test
	void theHistoryIsAppendOnly() {
		long id = file(person(), "RIGHTS", null).get("id").asLong();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc
			.sql("update complaint_event set comment = 'réécrit' where complaint_id = ?").param(id).update())
			.hasMessageContaining("append-only");
	}

	@Test
	void aRepeatedFilingWithTheSameKeyReturnsTheFirstComplaint() {
		String body = complaint("INSURED", person(), "REIMBURSEMENT_DELAY", null);
		String key = UUID.randomUUID().toString();
		Api.Response first = api.post("/api/v1/complaints", body, "Idempotency-Key", key);
		Api.Response repeat = api.post("/api/v1/complaints", body, "Idempotency-Key", key);
		assertThat(first.status()).isEqualTo(201);
		assertThat(repeat.status()).isEqualTo(200);
		assertThat(repeat.body().get("id").asLong()).isEqualTo(first.body().get("id").asLong());
		Api.Response other = api.post("/api/v1/complaints", body.replace("trois mois", "quatre mois"), "Idempotency-Key", key);
		assertThat(other.status()).isEqualTo(409);
		assertThat(other.body().get("errors").get(0).get("rule").asText()).isEqualTo("idempotent-repeat");
		assertThat(api.post("/api/v1/complaints", body).status()).isEqualTo(400);
	}

	@Test
	void aProviderFilesByInpe() {
		String inpe = directory.register(new ProviderDirectory.NewProfessional("Alaoui", "Omar",
				Profession.GENERAL_PRACTITIONER, null, "Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"),
				LocalDate.of(2020, 1, 1)).inpe();
		Api.Response filed = post(complaint("PROVIDER", inpe, "REIMBURSEMENT_DELAY", null));
		assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
		Api.Response access = post(complaint("PROVIDER", inpe, "DATA_PROTECTION_ACCESS", null));
		assertThat(access.status()).isEqualTo(400);
		assertThat(access.body().get("errors").get(0).get("rule").asText()).isEqualTo("insured-only");
	}

	@Test
	void anUnknownComplainantOrMissingFieldsAreRefusedAndNothingIsStored() {
		long before = jdbc.sql("select count(*) from complaint").query(Long.class).single();
		String unknown = idcs();
		Api.Response refused = post(complaint("INSURED", unknown, "RIGHTS", null));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("complainantId");
		assertThat(refused.body().get("errors").get(0).get("rule").asText()).isEqualTo("known-person");

		Api.Response unknownProvider = post(complaint("PROVIDER", "123456782", "REFUSAL", null));
		assertThat(unknownProvider.status()).isEqualTo(400);

		Api.Response missing = post("{\"complainantKind\":\"INSURED\",\"category\":\"LATE\"}");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body().get("errors").findValuesAsString("field"))
			.contains("complainantId", "category", "subject", "description");
		assertThat(missing.body().get("errors").findValuesAsString("rule")).contains("required", "enum");

		Api.Response future = post(complaint("INSURED", person(), "RIGHTS", today.plusDays(1)));
		assertThat(future.status()).isEqualTo(400);
		assertThat(future.body().get("errors").get(0).get("rule").asText()).isEqualTo("not-future");
		assertThat(jdbc.sql("select count(*) from complaint").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aMemberFilesAndReadsTheirOwnComplaintsOnly() {
		String idcs = person();
		String other = person();
		Api member = ma.amo.support.Users.as(api, "MEMBER", null, null, idcs);
		Api.Response own = member.post("/api/v1/complaints", complaint("INSURED", idcs, "REFUSAL", null), "Idempotency-Key",
				UUID.randomUUID().toString());
		assertThat(own.status()).isEqualTo(201);
		assertThat(member.get("/api/v1/complaints/" + own.body().get("id").asLong()).status()).isEqualTo(200);
		// Not in someone else's name, and not someone else's complaint.
		assertThat(member.post("/api/v1/complaints", complaint("INSURED", other, "REFUSAL", null), "Idempotency-Key",
				UUID.randomUUID().toString()).status()).isEqualTo(403);
		long theirs = file(other, "REFUSAL", null).get("id").asLong();
		assertThat(member.get("/api/v1/complaints/" + theirs).status()).isEqualTo(403);
		assertThat(member.get("/api/v1/complaints?complainantKind=INSURED&complainantId=" + other).status()).isEqualTo(403);
	}
}
