package ma.amo.approvals;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

import ma.amo.population.PopulationImports;
import ma.amo.providers.ProviderDirectory;
import ma.amo.providers.Sector;
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
 * Prior approvals through the API, asked by an establishment's account, decided by a medical reviewer. Due dates are
 * counted by hand on the suite's business date, Monday 15 June 2026 at 10:00 (the clock runs on from there, so a
 * request is received a few seconds or minutes later, and its due date keeps the same time of day): 1 Muharram 1448
 * is 16 June 2026 in Umm al-Qura, proposed on Wednesday 17 June. The estimate: appendicectomy K 70 at 22.50 DH =
 * 1,575.00 DH, billed 2,000.00 in a private clinic, CNSS 70 % of 1,575.00 = 1,102.50 DH.
 */
@IntegrationTest
class ApprovalsIntegrationTest {

	static final LocalDate SUITE_DATE = LocalDate.of(2026, 6, 15);

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	ma.amo.audit.AuditTrail trail;

	@LocalServerPort
	int port;

	Api administrator;
	Api reviewer;
	String clinic;
	Api establishment;
	LocalDate today;

	@BeforeEach
	void accounts() {
		administrator = new Api(port);
		reviewer = Users.medicalReviewer(administrator);
		clinic = clinic();
		establishment = Users.as(administrator, "PROVIDER", null, clinic, null);
		today = LocalDate.now(clock);
	}

	String clinic() {
		return directory.register(new ProviderDirectory.NewEstablishment("Clinique Souissi " + UUID.randomUUID(), "CLINIC",
				Sector.PRIVATE, "Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"), LocalDate.of(2020, 1, 1)).provider().inpe();
	}

	String person(LocalDate birth) {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, cin(), "Alaoui", "Karim", birth, 'M'));
		return idcs;
	}

	/** A salaried member covered since 2024 (no waiting: a job change from another regime). */
	String insured(LocalDate birth) {
		String idcs = person(birth);
		Api.Response enrolled = administrator.post("/api/v1/enrolments", "{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}"
			.formatted(idcs));
		assertThat(enrolled.status()).as(enrolled.raw()).isEqualTo(201);
		return idcs;
	}

	String insured() {
		return insured(LocalDate.of(1980, 2, 2));
	}

	String stay(String idcs) {
		return """
				{"patientIdcs":"%s","establishmentInpe":"%s","careType":"HOSPITAL_STAY","expectedStart":"%s","stayDays":3,
				 "lines":[{"actCode":"APPENDICECTOMIE","billed":2000.00}],
				 "medicalNote":"Appendicite aiguë, douleur en fosse iliaque droite, échographie concordante",
				 "attachments":[{"type":"IMAGING_REPORT","fileName":"echo.pdf","pages":2}]}"""
			.formatted(idcs, clinic, today.plusDays(7));
	}

	String dialysis(String idcs) {
		return """
				{"patientIdcs":"%s","establishmentInpe":"%s","careType":"DIALYSIS","expectedStart":"%s","sessions":12,
				 "lines":[{"actCode":"K","coefficient":30,"billed":900.00}],
				 "medicalNote":"Insuffisance rénale chronique terminale, trois séances par semaine"}"""
			.formatted(idcs, clinic, today.plusDays(3));
	}

	Api.Response ask(Api as, String body) {
		return as.post("/api/v1/prior-approvals", body, "Idempotency-Key", UUID.randomUUID().toString());
	}

	JsonNode asked(String body) {
		Api.Response response = ask(establishment, body);
		assertThat(response.status()).as(response.raw()).isEqualTo(201);
		return response.body();
	}

	Api.Response decide(String reference, String body) {
		return reviewer.post("/api/v1/prior-approvals/" + reference + "/decision", body);
	}

	String approval(String from, String until) {
		return "{\"decision\":\"APPROVED\",\"amount\":1102.50,\"validFrom\":\"%s\",\"validUntil\":\"%s\"}".formatted(from, until);
	}

	static String rule(Api.Response response) {
		return response.body().get("errors").get(0).get("rule").asText();
	}

	@Test
	void aRequestIsDueFortyEightWorkingHoursLaterAcrossAPublicHolidayAndAWeekend() {
		assumeTrue(today.equals(SUITE_DATE), "due dates counted by hand on the suite's date");
		JsonNode approval = asked(stay(insured()));
		assertThat(approval.get("status").asText()).isEqualTo("PENDING");
		assertThat(approval.get("reference").asText()).matches("PA-2026-\\d{6}");
		LocalDateTime received = LocalDateTime.parse(approval.get("receivedAt").asText());
		LocalDateTime due = LocalDateTime.parse(approval.get("dueAt").asText());
		// Monday 15 June from ~10:00: 6.5 h; Tuesday 16: 8 h (14.5); Wednesday 17, 1 Muharram, off; Thursday 18 and
		// Friday 19 (30.5); the weekend; Monday 22 and Tuesday 23 (46.5); the last 1.5 h on Wednesday 24 June from
		// 08:30: the same time of day as received.
		assertThat(due.toLocalDate()).isEqualTo(LocalDate.of(2026, 6, 24));
		assertThat(due.toLocalTime()).isEqualTo(received.toLocalTime());
		assertThat(approval.get("estimateBilled").get("amount").decimalValue()).isEqualByComparingTo("2000.00");
		assertThat(approval.get("estimateCovered").get("amount").decimalValue()).isEqualByComparingTo("1102.50");
		assertThat(approval.get("payerBody").asText()).isEqualTo("CNSS");
		assertThat(approval.get("preCheck").toString()).contains("RIGHTS_OPEN", "CARE_NEEDS_APPROVAL", "ESTIMATE");
		assertThat(approval.get("history").get(0).get("action").asText()).isEqualTo("REQUEST");
		assertThat(approval.get("filedBy").asText()).startsWith("provider-");
	}

	@Test
	void dialysisIsDueSevenCalendarDaysLater() {
		assumeTrue(today.equals(SUITE_DATE), "due dates counted by hand on the suite's date");
		JsonNode approval = asked(dialysis(insured()));
		LocalDateTime received = LocalDateTime.parse(approval.get("receivedAt").asText());
		// Monday 15 June + 7 days: Monday 22 June, at the same time, holiday and weekend included.
		assertThat(LocalDateTime.parse(approval.get("dueAt").asText())).isEqualTo(received.plusDays(7));
		assertThat(received.plusDays(7).toLocalDate()).isEqualTo(LocalDate.of(2026, 6, 22));
	}

	@Test
	void aRepeatUnderTheSameKeyReturnsTheFirstRequestAndAnotherContentIsRefused() {
		String idcs = insured();
		String key = UUID.randomUUID().toString();
		Api.Response first = establishment.post("/api/v1/prior-approvals", stay(idcs), "Idempotency-Key", key);
		assertThat(first.status()).as(first.raw()).isEqualTo(201);
		Api.Response repeat = establishment.post("/api/v1/prior-approvals", stay(idcs), "Idempotency-Key", key);
		assertThat(repeat.status()).isEqualTo(200);
		assertThat(repeat.body().get("reference").asText()).isEqualTo(first.body().get("reference").asText());
		Api.Response other = establishment.post("/api/v1/prior-approvals", stay(idcs).replace("\"stayDays\":3", "\"stayDays\":4"),
				"Idempotency-Key", key);
		assertThat(other.status()).isEqualTo(409);
		assertThat(rule(other)).isEqualTo("idempotent-repeat");
		assertThat(jdbc.sql("select count(*) from prior_approval where patient_idcs = ?").param(idcs).query(Long.class).single())
			.isEqualTo(1);
		Api.Response noKey = establishment.post("/api/v1/prior-approvals", stay(idcs));
		assertThat(noKey.status()).isEqualTo(400);
	}

	@Test
	void theMedicalNoteIsHiddenFromAllButMedicalReviewersAndEncryptedAtRest() {
		JsonNode approval = asked(stay(insured()));
		String reference = approval.get("reference").asText();
		assertThat(approval.get("medicalNote")).isNull();
		assertThat(establishment.get("/api/v1/prior-approvals/" + reference).body().get("medicalNote")).isNull();
		Api agent = Users.as(administrator, "PAYER_AGENT", "CNSS", null, null);
		Api.Response read = agent.get("/api/v1/prior-approvals/" + reference);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.body().get("medicalNote")).isNull();
		assertThat(reviewer.get("/api/v1/prior-approvals/" + reference).body().get("medicalNote").asText())
			.startsWith("Appendicite aiguë");
		assertThat(jdbc.sql("select medical_note from prior_approval where reference = ?").param(reference)
			.query(String.class).single()).startsWith("enc:");
		// An agent of another payer body and another establishment read nothing.
		assertThat(Users.as(administrator, "PAYER_AGENT", "CNOPS", null, null).get("/api/v1/prior-approvals/" + reference)
			.status()).isEqualTo(403);
		Api otherClinic = Users.as(administrator, "PROVIDER", null, clinic(), null);
		assertThat(otherClinic.get("/api/v1/prior-approvals/" + reference).status()).isEqualTo(403);
		assertThat(otherClinic.post("/api/v1/prior-approvals/" + reference + "/answer", "{\"answer\":\"x\"}").status())
			.isEqualTo(403);
		// An establishment asks in its own name only.
		assertThat(ask(otherClinic, stay(insured())).status()).isEqualTo(403);
		// Each read and the request itself are in the audit trail, under the approval's reference.
		trail.flush();
		assertThat(jdbc.sql("select action || ' ' || purpose from audit_entry where record_type = 'PRIOR_APPROVAL' and record_id = ?")
			.param(reference).query(String.class).list())
			.contains("CHANGE PRIOR_APPROVAL", "READ PRIOR_APPROVAL");
	}

	@Test
	void theApprovalRefusesEveryTransitionItsStateDoesNotAllow() {
		String reference = asked(stay(insured())).get("reference").asText();
		String from = today.plusDays(7).toString();
		String until = today.plusDays(37).toString();
		// Pending: nothing to answer, nothing to extend.
		Api.Response answer = establishment.post("/api/v1/prior-approvals/" + reference + "/answer", "{\"answer\":\"Voici\"}");
		assertThat(answer.status()).isEqualTo(409);
		assertThat(rule(answer)).isEqualTo("answer-asked");
		Api.Response extension = reviewer.post("/api/v1/prior-approvals/" + reference + "/extension",
				"{\"validUntil\":\"" + until + "\",\"reason\":\"prolongation\"}");
		assertThat(extension.status()).isEqualTo(409);
		assertThat(rule(extension)).isEqualTo("extend-approved");
		// A question stops the clock; no decision until the establishment answers.
		Api.Response asked = decide(reference, "{\"decision\":\"MORE_INFORMATION_REQUESTED\",\"reason\":\"Joindre le compte rendu opératoire prévu\"}");
		assertThat(asked.status()).as(asked.raw()).isEqualTo(200);
		assertThat(asked.body().get("status").asText()).isEqualTo("MORE_INFORMATION_REQUESTED");
		Api.Response early = decide(reference, approval(from, until));
		assertThat(early.status()).isEqualTo(409);
		assertThat(rule(early)).isEqualTo("decide-pending");
		Api.Response answered = establishment.post("/api/v1/prior-approvals/" + reference + "/answer",
				"{\"answer\":\"Compte rendu joint, intervention programmée\"}");
		assertThat(answered.status()).as(answered.raw()).isEqualTo(200);
		assertThat(answered.body().get("status").asText()).isEqualTo("PENDING");
		assertThat(LocalDateTime.parse(answered.body().get("dueAt").asText()))
			.isAfterOrEqualTo(LocalDateTime.parse(asked.body().get("dueAt").asText()));
		// Approved once; then neither decided again nor answered.
		Api.Response approved = decide(reference, approval(from, until));
		assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
		assertThat(approved.body().get("decision").get("amount").get("amount").decimalValue()).isEqualByComparingTo("1102.50");
		assertThat(rule(decide(reference, "{\"decision\":\"REJECTED\",\"reason\":\"non\"}"))).isEqualTo("decide-pending");
		assertThat(rule(establishment.post("/api/v1/prior-approvals/" + reference + "/answer", "{\"answer\":\"x\"}")))
			.isEqualTo("answer-asked");
		// Extended while valid: a later end and more amount.
		Api.Response extended = reviewer.post("/api/v1/prior-approvals/" + reference + "/extension",
				"{\"validUntil\":\"" + today.plusDays(60) + "\",\"additionalAmount\":300.00,\"reason\":\"complication post-opératoire\"}");
		assertThat(extended.status()).as(extended.raw()).isEqualTo(200);
		assertThat(extended.body().get("decision").get("validUntil").asText()).isEqualTo(today.plusDays(60).toString());
		assertThat(extended.body().get("decision").get("amount").get("amount").decimalValue()).isEqualByComparingTo("1402.50");
		assertThat(extended.body().get("history").findValuesAsString("action"))
			.containsExactly("REQUEST", "REQUEST_INFORMATION", "ANSWER", "APPROVE", "EXTEND");
		// A rejected request is never extended.
		String rejected = asked(stay(insured())).get("reference").asText();
		assertThat(decide(rejected, "{\"decision\":\"REJECTED\",\"reason\":\"Indication non retenue\"}").status()).isEqualTo(200);
		assertThat(rule(reviewer.post("/api/v1/prior-approvals/" + rejected + "/extension",
				"{\"validUntil\":\"" + until + "\",\"reason\":\"x\"}"))).isEqualTo("extend-approved");
		// The history is append-only.
		assertThat(jdbc.sql("select count(*) from prior_approval_step s join prior_approval a on a.id = s.approval_id where a.reference = ?")
			.param(reference).query(Long.class).single()).isEqualTo(5);
	}

	@Test
	void anOverdueRequestIsListedForReviewersWithItsWorkingTimeLate() {
		String reference = asked(stay(insured())).get("reference").asText();
		LocalDateTime due = LocalDateTime.parse(reviewer.get("/api/v1/prior-approvals/" + reference).body().get("dueAt").asText());
		JsonNode before = reviewer.get("/api/v1/prior-approvals/overdue?at=" + due.minusMinutes(1)).body();
		assertThat(before.findValuesAsString("reference")).doesNotContain(reference);
		JsonNode after = reviewer.get("/api/v1/prior-approvals/overdue?at=" + due.plusDays(1)).body();
		assertThat(after.findValuesAsString("reference")).contains(reference);
		// A decided request leaves the list.
		decide(reference, "{\"decision\":\"REJECTED\",\"reason\":\"Indication non retenue\"}");
		assertThat(reviewer.get("/api/v1/prior-approvals/overdue?at=" + due.plusDays(1)).body().findValuesAsString("reference"))
			.doesNotContain(reference);
		assertThat(establishment.get("/api/v1/prior-approvals/overdue").status()).isEqualTo(403);
	}

	@Test
	void rightsNotOpenOnTheDayCareStartsRejectTheRequestAtOnce() {
		JsonNode approval = asked(stay(person(LocalDate.of(1975, 5, 5))));
		assertThat(approval.get("status").asText()).isEqualTo("REJECTED");
		assertThat(approval.get("decision").get("by").asText()).isEqualTo("pre-check");
		assertThat(approval.get("decision").get("reason").asText()).contains("droits non ouverts");
	}

	@Test
	void orthodonticsIsForPatientsUpToSixteen() {
		String body = """
				{"patientIdcs":"%s","establishmentInpe":"%s","careType":"ORTHODONTICS","expectedStart":"%s",
				 "lines":[{"actCode":"K","coefficient":20,"billed":3000.00}],"medicalNote":"Malocclusion classe II"}""";
		String adult = insured(today.minusYears(17));
		JsonNode refused = asked(body.formatted(adult, clinic, today.plusDays(10)));
		assertThat(refused.get("status").asText()).isEqualTo("REJECTED");
		assertThat(refused.get("decision").get("reason").asText()).contains("16 ans");
		String child = insured(today.minusYears(12));
		assertThat(asked(body.formatted(child, clinic, today.plusDays(10))).get("status").asText()).isEqualTo("PENDING");
	}

	@Test
	void aRenewalCitesAnApprovalOfTheSamePatientAndCare() {
		String idcs = insured();
		String reference = asked(dialysis(idcs)).get("reference").asText();
		String renewal = dialysis(idcs).replace("\"sessions\":12", "\"sessions\":12,\"renews\":\"" + reference + "\"");
		Api.Response notYet = ask(establishment, renewal);
		assertThat(notYet.status()).isEqualTo(409);
		assertThat(rule(notYet)).isEqualTo("renews-approved");
		assertThat(decide(reference, "{\"decision\":\"APPROVED\",\"amount\":630.00,\"validFrom\":\"%s\",\"validUntil\":\"%s\",\"sessions\":12}"
			.formatted(today.plusDays(3), today.plusDays(33))).status()).isEqualTo(200);
		JsonNode renewed = asked(renewal);
		assertThat(renewed.get("renews").asText()).isEqualTo(reference);
		assertThat(renewed.get("history").get(0).get("action").asText()).isEqualTo("RENEWAL");
		assertThat(establishment.get("/api/v1/prior-approvals?idcs=" + idcs).body().findValuesAsString("reference"))
			.containsExactly(renewed.get("reference").asText(), reference);
	}

	@Test
	void fieldsOutOfBoundsAreRefusedNamingTheField() {
		String idcs = insured();
		Api.Response response = ask(establishment, stay(idcs).replace("\"stayDays\":3", "\"stayDays\":0")
			.replace("\"billed\":2000.00", "\"billed\":-5")
			.replace("\"expectedStart\":\"" + today.plusDays(7), "\"expectedStart\":\"" + today.plusYears(2)));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().get("errors").findValuesAsString("field"))
			.contains("stayDays", "lines[0].billed", "expectedStart");
		Api.Response longNote = ask(establishment, stay(idcs).replace("Appendicite aiguë", "x".repeat(10_001)));
		assertThat(longNote.body().get("errors").get(0).get("field").asText()).isEqualTo("medicalNote");
		String reference = asked(stay(idcs)).get("reference").asText();
		Api.Response tooLong = decide(reference, approval(today.plusDays(7).toString(), today.plusDays(7 + 400).toString()));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.body().get("errors").get(0).get("field").asText()).isEqualTo("validUntil");
		Api.Response noAmount = decide(reference, "{\"decision\":\"APPROVED\",\"validFrom\":\"%s\",\"validUntil\":\"%s\"}"
			.formatted(today.plusDays(7), today.plusDays(30)));
		assertThat(noAmount.body().get("errors").get(0).get("field").asText()).isEqualTo("amount");
	}
}
