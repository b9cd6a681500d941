package ma.amo.payments;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import ma.amo.population.PopulationImports;
import ma.amo.providers.Establishment;
import ma.amo.providers.Profession;
import ma.amo.providers.ProviderDirectory;
import ma.amo.providers.Sector;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Payees;
import ma.amo.support.Registers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class PaymentBatchIntegrationTest {

	@Autowired
	java.time.Clock clock;

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ma.amo.audit.AuditTrail trail;

	@LocalServerPort
	int port;

	Api api;
	String gp;

	@BeforeEach
	void client() {
		api = new Api(port);
		api.post("/api/v1/parameters/claims.review.sample-percent", "{\"effectiveFrom\":\"2025-01-01\",\"value\":\"0\"}");
		gp = directory.register(new ProviderDirectory.NewProfessional("Alaoui", "Samir", Profession.GENERAL_PRACTITIONER,
				null, "Fès-Meknès", "Fès", "Fès (Mun.)"), LocalDate.of(2020, 1, 1)).inpe();
	}

	String insured(String regime) {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, cin(), "Bennani", "Karim", LocalDate.of(1980, 2, 1), 'M'));
		assertThat(api.post("/api/v1/enrolments", "{\"idcs\":\"%s\",\"regime\":\"%s\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}"
			.formatted(idcs, regime)).status()).isEqualTo(201);
		Payees.account(api, "MEMBER", idcs);
		return idcs;
	}

	long consultation(String patient, String executing, String careDate) {
		Api.Response response = api.post("/api/v1/claims?adjudicate=true", """
				{"kind":"MEMBER_REIMBURSEMENT","patientIdcs":"%s","careDate":"%s","filedOn":"%s","executingInpe":"%s",
				 "lines":[{"actCode":"C","billed":80}]}""".formatted(patient, careDate, careDate, executing),
				"Idempotency-Key", UUID.randomUUID().toString());
		assertThat(response.status()).as(response.raw()).isEqualTo(201);
		return response.body().get("id").asLong();
	}

	/** Prepares a batch and, when it is new, has a second finance account approve it: its claims are then paid. */
	Api.Response pay(String payerBody, LocalDate cutOff, String key) {
		Api.Response prepared = api.post("/api/v1/payment-batches", "{\"payerBody\":\"%s\",\"cutOff\":\"%s\"}".formatted(payerBody, cutOff),
				"Idempotency-Key", key, "Created-By", "tresorerie");
		if (prepared.status() == 201) {
			Api.Response approved = ma.amo.support.Users.as(api, "FINANCE", null, null, null)
				.post("/api/v1/payment-batches/" + prepared.body().get("id").asLong() + "/approval", "");
			assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
		}
		return prepared;
	}

	void awaitStatus(long claim, String status) {
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
			.until(() -> api.get("/api/v1/claims/" + claim).body().get("status").asText().equals(status));
	}

	static JsonNode transfer(JsonNode batch, String payee) {
		for (JsonNode t : batch.get("transfers")) {
			if (t.get("payee").asText().equals(payee)) {
				return t;
			}
		}
		throw new AssertionError("no transfer to " + payee + " in " + batch);
	}

	static java.math.BigDecimal amount(JsonNode node, String field) {
		return node.get(field).get("amount").decimalValue();
	}

	@Test
	void approvedClaimsArePaidOnceInOneTransferPerMemberAndTheStateShareIsCarried() {
		String salaried = insured("SALARIED_PRIVATE");
		String tadamon = insured("TADAMON");
		String servant = insured("PUBLIC_SECTOR");
		Establishment hospital = directory.search(new ProviderDirectory.EstablishmentQuery(null, null, null,
				Sector.PUBLIC, null, null), 0, 1).content().getFirst();
		List<Long> cnss = new ArrayList<>(List.of(consultation(salaried, gp, "2025-09-01"),
				consultation(salaried, gp, "2025-09-08"), consultation(tadamon, hospital.inpe(), "2025-09-02")));
		long cnops = consultation(servant, gp, "2025-09-03");

		Api.Response created = pay("CNSS", LocalDate.now(clock), "lot-" + UUID.randomUUID());
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		JsonNode batch = created.body();
		// Made by the authenticated account, whatever Created-By the client sent.
		assertThat(batch.get("createdBy").asText()).isEqualTo(Api.ADMINISTRATOR);
		// Two consultations of 80 DH at 70 %: 2 × 56.00 = 112.00 in one transfer to the member.
		JsonNode member = transfer(batch, salaried);
		assertThat(member.get("payeeKind").asText()).isEqualTo("MEMBER");
		assertThat(member.get("claims").asInt()).isEqualTo(2);
		assertThat(amount(member, "amount")).isEqualByComparingTo("112.00");
		// Tadamon in a public hospital: CNSS pays 56.00, the State's 24.00 is carried beside it for its statement.
		JsonNode state = transfer(batch, tadamon);
		assertThat(amount(state, "amount")).isEqualByComparingTo("56.00");
		assertThat(amount(state, "stateShare")).isEqualByComparingTo("24.00");
		assertThat(batch.get("reference").asText()).startsWith("LP-CNSS-");
		// The claims module marks them paid when it receives the batch's event, just after the batch's commit.
		for (long id : cnss) {
			awaitStatus(id, "PAID");
			JsonNode history = api.get("/api/v1/claims/" + id + "/history").body();
			assertThat(history.get(history.size() - 1).get("comment").asText())
				.isEqualTo("Lot de paiement " + batch.get("reference").asText());
		}
		// The public servant's claim is CNOPS's to pay, not in the CNSS batch.
		assertThat(api.get("/api/v1/claims/" + cnops).body().get("status").asText()).isEqualTo("APPROVED");
		assertThat(batch.get("transfers").toString()).doesNotContain(servant);

		// A second batch never pays them again.
		Api.Response next = pay("CNSS", LocalDate.now(clock), "lot-" + UUID.randomUUID());
		assertThat(next.status()).isIn(201, 409);
		for (long id : cnss) {
			assertThat(jdbc.sql("select count(*) from payment_batch_claim where claim_id = ?").param(id).query(Long.class)
				.single()).isEqualTo(1);
		}

		// The bank file: one line per transfer, with the batch reference.
		Api.Response file = api.get("/api/v1/payment-batches/" + batch.get("id").asLong() + "/transfers.csv");
		assertThat(file.raw()).startsWith("reference;payee_kind;payee;claims;amount;state_share;iban\n")
			.contains(batch.get("reference").asText() + ";MEMBER;" + salaried + ";2;112.00;0.00;MA")
			.contains(batch.get("reference").asText() + ";MEMBER;" + tadamon + ";1;56.00;24.00");
		// Who took the bank file is in the audit trail.
		trail.flush();
		assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'PAYMENT_BATCH' and record_id = ? and actor = 'admin'")
			.param(batch.get("id").asText()).query(Long.class).single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void paysThePublicHospitalsTadamonInvoiceWithTheStatesShare() {
		// A regional hospital of the ministry's list, loaded at start: under convention with CNSS and CNOPS by default.
		Establishment hospital = directory.search(new ProviderDirectory.EstablishmentQuery(null, null, "HR",
				Sector.PUBLIC, "Souss-Massa", null), 0, 1).content().getFirst();
		String surgeon = directory.register(new ProviderDirectory.NewProfessional("Amrani", "Leila", Profession.SPECIALIST,
				"Chirurgie générale", hospital.region(), hospital.province(), hospital.commune()), LocalDate.of(2022, 1, 1))
			.inpe();
		directory.practise(surgeon, hospital.inpe(), LocalDate.of(2022, 1, 1));
		String iban = new ma.amo.payments.Rib(Payees.account(api, "ESTABLISHMENT", hospital.inpe())).iban();
		String invoice = """
				{"kind":"PROVIDER_INVOICE","patientIdcs":"%s","careDate":"2025-09-15","filedOn":"%s","executingInpe":"%s",
				 "establishmentInpe":"%s","priorApproval":"PEC-2025-004512",
				 "lines":[{"actCode":"APPENDICECTOMIE","billed":1575}]}""";
		// Filed on 14 December 2025, day 90 after the care: an invoice is examined up to day 90 (a member's claim, 60).
		Api.Response filed = api.post("/api/v1/claims?adjudicate=true",
				invoice.formatted(insured("TADAMON"), "2025-12-14", surgeon, hospital.inpe()), "Idempotency-Key",
				UUID.randomUUID().toString());
		assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
		JsonNode claim = filed.body();
		// APPENDICECTOMIE = K 70: base 70 × 22.50 = 1,575.00; Tadamon hospitalisation 70 % = 1,102.50 paid by CNSS;
		// the patient's 472.50 is the State's in a public hospital; the patient pays 0.00.
		assertThat(claim.get("status").asText()).isEqualTo("APPROVED");
		JsonNode line = claim.get("lines").get(0);
		assertThat(line.get("outcome").asText()).isEqualTo("ACCEPTED");
		assertThat(amount(line, "covered")).isEqualByComparingTo("1102.50");
		assertThat(amount(line, "stateShare")).isEqualByComparingTo("472.50");
		assertThat(amount(line, "patientShare")).isEqualByComparingTo("0.00");
		// Day 91 is late.
		Api.Response late = api.post("/api/v1/claims?adjudicate=true",
				invoice.formatted(insured("TADAMON"), "2025-12-15", surgeon, hospital.inpe()), "Idempotency-Key",
				UUID.randomUUID().toString());
		assertThat(late.body().get("status").asText()).isEqualTo("REJECTED");
		assertThat(late.body().get("lines").get(0).get("reasons").get(0).asText()).startsWith("LATE_FILING: déposé 91 jours")
			.contains("d'une facture 90 jours");

		Api.Response created = pay("CNSS", LocalDate.now(clock), "lot-" + UUID.randomUUID());
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		JsonNode transfer = transfer(created.body(), hospital.inpe());
		assertThat(transfer.get("payeeKind").asText()).isEqualTo("ESTABLISHMENT");
		assertThat(amount(transfer, "amount")).isEqualByComparingTo("1102.50");
		assertThat(amount(transfer, "stateShare")).isEqualByComparingTo("472.50");
		assertThat(transfer.get("iban").asText()).isEqualTo(iban);
		awaitStatus(claim.get("id").asLong(), "PAID");
	}

	@Test
	void aMemberWithoutABankAccountIsHeldBackAndPaidByTheNextBatchOnceTheAccountIsRecorded() {
		String member = idcs();
		Registers.persons(imports, rnp(member, cin(), "Chraibi", "Houda", LocalDate.of(1983, 4, 9), 'F'));
		assertThat(api.post("/api/v1/enrolments", "{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}"
			.formatted(member)).status()).isEqualTo(201);
		long first = consultation(member, gp, "2025-10-06");
		long second = consultation(member, gp, "2025-10-13");
		String paid = insured("SALARIED_PRIVATE");
		long other = consultation(paid, gp, "2025-10-06");

		JsonNode batch = pay("CNSS", LocalDate.now(clock), "lot-" + UUID.randomUUID()).body();
		JsonNode held = null;
		for (JsonNode h : batch.get("heldBack")) {
			held = h.get("payee").asText().equals(member) ? h : held;
		}
		assertThat(held).as(batch.toString()).isNotNull();
		assertThat(held.get("claims").asInt()).isEqualTo(2);
		assertThat(amount(held, "amount")).isEqualByComparingTo("112.00");
		assertThat(held.get("reason").asText()).isEqualTo("NO_BANK_ACCOUNT");
		assertThat(held.get("message").asText()).isEqualTo("aucun compte bancaire enregistré pour ce bénéficiaire au 15/06/2026");
		assertThat(batch.get("transfers").toString()).doesNotContain(member);
		awaitStatus(other, "PAID");
		assertThat(api.get("/api/v1/claims/" + first).body().get("status").asText()).isEqualTo("APPROVED");
		assertThat(api.get("/api/v1/payment-batches/" + batch.get("id").asLong()).body().get("heldBack").toString())
			.contains(member);

		String rib = Payees.account(api, "MEMBER", member);
		JsonNode next = pay("CNSS", LocalDate.now(clock), "lot-" + UUID.randomUUID()).body();
		JsonNode transfer = transfer(next, member);
		assertThat(transfer.get("claims").asInt()).isEqualTo(2);
		assertThat(transfer.get("iban").asText()).isEqualTo(new ma.amo.payments.Rib(rib).iban());
		awaitStatus(first, "PAID");
		awaitStatus(second, "PAID");
		assertThat(api.get("/api/v1/payment-batches/" + next.get("id").asLong() + "/transfers.csv").raw())
			.contains(next.get("reference").asText() + ";MEMBER;" + member + ";2;112.00;0.00;" + new ma.amo.payments.Rib(rib).iban());
	}

	@Test
	void aBatchRepeatedWithItsKeyIsTheSameAndClaimsDecidedAfterTheCutOffWait() {
		long claim = consultation(insured("SALARIED_PRIVATE"), gp, "2025-10-01");
		// Decided today: a batch to yesterday leaves it waiting (or finds nothing at all to pay).
		Api.Response yesterday = pay("CNSS", LocalDate.now(clock).minusDays(1), "lot-" + UUID.randomUUID());
		assertThat(yesterday.status()).isIn(201, 409);
		assertThat(api.get("/api/v1/claims/" + claim).body().get("status").asText()).isEqualTo("APPROVED");

		String key = "lot-" + UUID.randomUUID();
		Api.Response first = pay("CNSS", LocalDate.now(clock), key);
		assertThat(first.status()).isEqualTo(201);
		Api.Response repeat = pay("CNSS", LocalDate.now(clock), key);
		assertThat(repeat.status()).isEqualTo(200);
		assertThat(repeat.body().get("id").asLong()).isEqualTo(first.body().get("id").asLong());
		Api.Response reused = pay("CNOPS", LocalDate.now(clock), key);
		assertThat(reused.status()).isEqualTo(409);
		assertThat(reused.raw()).contains("idempotencyKey");
	}

	@Test
	void aBatchWithoutPayerBodyOrForTomorrowIsRefusedNamingTheField() {
		Api.Response noPayer = pay("CNAM", LocalDate.now(clock), "lot-" + UUID.randomUUID());
		assertThat(noPayer.status()).isEqualTo(400);
		assertThat(noPayer.raw()).contains("payerBody");
		Api.Response tomorrow = pay("CNSS", LocalDate.now(clock).plusDays(1), "lot-" + UUID.randomUUID());
		assertThat(tomorrow.status()).isEqualTo(400);
		assertThat(tomorrow.raw()).contains("cutOff").contains("not-future");
	}
}
