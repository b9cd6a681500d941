package ma.amo.payments;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import ma.amo.support.Users;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class StatementsAndDelaysIntegrationTest {

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
	Establishment hospital;
	String doctor;
	String gp;

	@BeforeEach
	void scene() {
		api = new Api(port);
		api.post("/api/v1/parameters/claims.review.sample-percent", "{\"effectiveFrom\":\"2025-01-01\",\"value\":\"0\"}");
		hospital = directory.search(new ProviderDirectory.EstablishmentQuery(null, null, "HR", Sector.PUBLIC, "Oriental",
				null), 0, 1).content().getFirst();
		doctor = directory.register(new ProviderDirectory.NewProfessional("Tazi", "Nadia", Profession.GENERAL_PRACTITIONER,
				null, hospital.region(), hospital.province(), hospital.commune()), LocalDate.of(2020, 1, 1)).inpe();
		directory.practise(doctor, hospital.inpe(), LocalDate.of(2020, 1, 1));
		gp = directory.register(new ProviderDirectory.NewProfessional("Berrada", "Omar", Profession.GENERAL_PRACTITIONER,
				null, "Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"), LocalDate.of(2020, 1, 1)).inpe();
		Payees.account(api, "ESTABLISHMENT", hospital.inpe());
	}

	String insured(String regime) {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, cin(), "El Idrissi", "Salma", LocalDate.of(1979, 6, 12), 'F'));
		assertThat(api.post("/api/v1/enrolments", "{\"idcs\":\"%s\",\"regime\":\"%s\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}"
			.formatted(idcs, regime)).status()).isEqualTo(201);
		Payees.account(api, "MEMBER", idcs);
		return idcs;
	}

	JsonNode invoice(String patient, String careDate, String filedOn) {
		Api.Response filed = api.post("/api/v1/claims?adjudicate=true", """
				{"kind":"PROVIDER_INVOICE","patientIdcs":"%s","careDate":"%s","filedOn":"%s","executingInpe":"%s",
				 "establishmentInpe":"%s","lines":[{"actCode":"C","billed":80}]}"""
			.formatted(patient, careDate, filedOn, doctor, hospital.inpe()), "Idempotency-Key", UUID.randomUUID().toString());
		assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
		assertThat(filed.body().get("status").asText()).as(filed.raw()).isEqualTo("APPROVED");
		return filed.body();
	}

	JsonNode consultation(String patient, String careDate, String billed) {
		Api.Response filed = api.post("/api/v1/claims?adjudicate=true", """
				{"kind":"MEMBER_REIMBURSEMENT","patientIdcs":"%s","careDate":"%s","filedOn":"%s","executingInpe":"%s",
				 "lines":[{"actCode":"C","billed":%s}]}""".formatted(patient, careDate, careDate, gp, billed),
				"Idempotency-Key", UUID.randomUUID().toString());
		assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
		assertThat(filed.body().get("status").asText()).as(filed.raw()).isEqualTo("APPROVED");
		return filed.body();
	}

	/** Pays whatever the other tests left waiting, so that the next batch pays only this test's claims. */
	void payWhatIsWaiting() {
		assertThat(pay().status()).isIn(201, 409);
	}

	Api.Response pay() {
		return ma.amo.support.Payees.approvedBatch(api, "CNSS", LocalDate.now(clock).toString(), "lot-" + UUID.randomUUID());
	}

	JsonNode batch() {
		Api.Response created = pay();
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		return created.body();
	}

	static BigDecimal amount(JsonNode node, String field) {
		return node.get(field).get("amount").decimalValue();
	}

	static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			// The table cells wrap their text: compared with single spaces.
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}

	@Test
	void invoicesPaidOrWaitingBeyondTheirSixtyDaysAreListedAndTheShareInTimeIsMeasuredByMonth() {
		payWhatIsWaiting();
		String patient = insured("SALARIED_PRIVATE");
		// Filed 1 May: due by 30 June, paid 15 June, in time. Filed 1 April: due by 31 May, paid 15 June, 15 days late.
		long inTime = invoice(patient, "2026-04-27", "2026-05-01").get("id").asLong();
		long late = invoice(patient, "2026-03-25", "2026-04-01").get("id").asLong();
		long own = consultation(patient, "2026-05-04", "80").get("id").asLong();
		// Other tests' batches are approved on the same fixed today: this one's payments are counted as what it adds.
		Map<String, long[]> juneBefore = june();
		// The batch is paid on the day a second account approves it, by the business clock: the fixed today, 15 June.
		batch();
		// Filed 20 March, approved after the batch: due by 19 May, 27 days late and still unpaid on 15 June.
		long unpaid = invoice(patient, "2026-03-16", "2026-03-20").get("id").asLong();

		Api.Response page = api.get("/api/v1/payments/late?payerBody=CNSS&payee=" + hospital.inpe() + "&size=200");
		assertThat(page.status()).as(page.raw()).isEqualTo(200);
		List<JsonNode> mine = new ArrayList<>();
		page.body().get("content").forEach(row -> {
			if (List.of(inTime, late, unpaid, own).contains(row.get("claimId").asLong())) {
				mine.add(row);
			}
		});
		assertThat(mine).extracting(r -> r.get("claimId").asLong()).containsExactly(unpaid, late);
		assertThat(mine.get(0).get("lateness").asText()).isEqualTo("UNPAID");
		assertThat(mine.get(0).get("daysLate").asInt()).isEqualTo(27);
		assertThat(mine.get(0).get("deadline").asText()).isEqualTo("2026-05-19");
		assertThat(mine.get(0).get("deadlineDays").asInt()).isEqualTo(60);
		assertThat(mine.get(0).get("payeeKind").asText()).isEqualTo("ESTABLISHMENT");
		assertThat(mine.get(0).get("payeeName").asText()).isEqualTo(hospital.name());
		assertThat(mine.get(1).get("lateness").asText()).isEqualTo("PAID_LATE");
		assertThat(mine.get(1).get("paidOn").asText()).isEqualTo("2026-06-15");
		assertThat(mine.get(1).get("daysLate").asInt()).isEqualTo(15);

		// On 14 June none of them was decided yet: an invoice waiting for its decision is not on the list of approved ones.
		List<Long> before = new ArrayList<>();
		api.get("/api/v1/payments/late?at=2026-06-14&payee=" + hospital.inpe() + "&size=200").body().get("content")
			.forEach(row -> before.add(row.get("claimId").asLong()));
		assertThat(before).doesNotContain(inTime, late, unpaid);

		Map<String, long[]> juneAfter = june();
		// Two invoices paid, one of them in time; a member's own claim has no published delay: counted, never in time.
		assertThat(juneAfter.get("ESTABLISHMENT")[0] - juneBefore.getOrDefault("ESTABLISHMENT", new long[2])[0]).isEqualTo(2);
		assertThat(juneAfter.get("ESTABLISHMENT")[1] - juneBefore.getOrDefault("ESTABLISHMENT", new long[2])[1]).isEqualTo(1);
		assertThat(juneAfter.get("MEMBER")[0] - juneBefore.getOrDefault("MEMBER", new long[2])[0]).isEqualTo(1);
		assertThat(juneAfter.get("MEMBER")[1]).isEqualTo(-1);

		// An agent of CNSS sees CNSS's, not CNOPS's.
		Api agent = Users.as(api, "PAYER_AGENT", "CNSS", null, null);
		assertThat(agent.get("/api/v1/payments/late?payee=" + hospital.inpe()).status()).isEqualTo(200);
		assertThat(agent.get("/api/v1/payments/late?payerBody=CNOPS").status()).isEqualTo(403);
		assertThat(agent.get("/api/v1/payments/timeliness?payerBody=CNOPS&from=2026-06-01&to=2026-06-30").status())
			.isEqualTo(403);
	}

	/** June 2026's CNSS payments by payee kind: paid, and in time (-1 when no delay applies). */
	Map<String, long[]> june() {
		Api.Response months = api.get("/api/v1/payments/timeliness?payerBody=CNSS&from=2026-06-01&to=2026-06-30");
		assertThat(months.status()).as(months.raw()).isEqualTo(200);
		Map<String, long[]> june = new java.util.HashMap<>();
		months.body().forEach(row -> {
			assertThat(row.get("month").asText()).isEqualTo("2026-06");
			june.put(row.get("payeeKind").asText(), new long[] { row.get("paid").asLong(),
					row.path("inTime").isNumber() ? row.get("inTime").asLong() : -1 });
		});
		return june;
	}

	@Test
	void aMembersStatementShowsEachLineWithItsBaseRateReasonsAndTheMaskedAccountThatWasPaidAsJsonAndFrenchPdf()
			throws IOException {
		String member = insured("SALARIED_PRIVATE");
		String iban = new Rib(Payees.account(api, "MEMBER", member)).iban();
		consultation(member, "2026-05-04", "1234.50");
		consultation(member, "2026-05-11", "80");
		JsonNode batch = batch();

		Api.Response json = api.get("/api/v1/statements/members/" + member + "?from=2026-05-01&to=2026-05-31");
		assertThat(json.status()).as(json.raw()).isEqualTo(200);
		JsonNode statement = json.body();
		assertThat(statement.get("claims").size()).isEqualTo(2);
		BigDecimal covered = BigDecimal.ZERO;
		for (JsonNode item : statement.get("claims")) {
			JsonNode claim = item.get("claim");
			BigDecimal lines = BigDecimal.ZERO;
			for (JsonNode line : claim.get("lines")) {
				assertThat(amount(line, "covered").add(amount(line, "patientShare"))).isEqualByComparingTo(amount(line, "billed"));
				lines = lines.add(amount(line, "covered"));
			}
			assertThat(lines).isEqualByComparingTo(amount(claim, "covered"));
			covered = covered.add(amount(claim, "covered"));
			JsonNode payment = item.get("payment");
			assertThat(payment.get("batchReference").asText()).isEqualTo(batch.get("reference").asText());
			assertThat(payment.get("maskedIban").asText()).hasSize(28).startsWith("MA**").endsWith(iban.substring(24))
				.doesNotContain(iban.substring(4, 24));
		}
		assertThat(amount(statement, "covered")).isEqualByComparingTo(covered);
		assertThat(amount(statement, "paid")).isEqualByComparingTo(covered);
		JsonNode first = statement.get("claims").get(0).get("claim").get("lines").get(0);
		assertThat(amount(first, "billed")).isEqualByComparingTo("1234.50");
		assertThat(first.get("rate").asInt()).isPositive();
		JsonNode reason = first.get("reasons").get(0);
		assertThat(reason.get("label").asText()).isNotBlank().isNotEqualTo(reason.get("code").asText());

		HttpResponse<byte[]> pdf = api.download("/api/v1/statements/members/" + member + "?from=2026-05-01&to=2026-05-31",
				"Accept", "application/pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		String text = text(pdf.body());
		assertThat(text).contains("Décompte de remboursement", "1 234,50 MAD", "04/05/2026", "11/05/2026",
				amountInFrench(amount(statement, "covered")), reason.get("label").asText().replaceAll("\\s+", " "),
				batch.get("reference").asText(), "Récapitulatif");
		assertThat(text).doesNotContain(iban.substring(4, 24));

		// The member reads their own; another member's is refused; each read is in the audit trail.
		Api self = Users.as(api, "MEMBER", null, null, member);
		assertThat(self.get("/api/v1/statements/members/" + member + "?from=2026-05-01&to=2026-05-31").status()).isEqualTo(200);
		assertThat(self.get("/api/v1/statements/members/" + insured("SALARIED_PRIVATE")).status()).isEqualTo(403);
		trail.flush();
		assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'PERSON' and record_id = ? and purpose = 'STATEMENT'")
			.param(member).query(Long.class).single()).isGreaterThanOrEqualTo(3);
	}

	static String amountInFrench(BigDecimal amount) {
		return new ma.amo.payments.StatementPdf.French().money(new ma.amo.shared.Money(amount));
	}

	@Test
	void anEstablishmentsBordereauListsEveryClaimOfTheTransferAndAddsUpToItsAmount() throws IOException {
		payWhatIsWaiting();
		String patient = insured("TADAMON");
		invoice(patient, "2026-05-18", "2026-05-20");
		invoice(insured("SALARIED_PRIVATE"), "2026-05-19", "2026-05-21");
		JsonNode batch = batch();
		long id = batch.get("id").asLong();
		JsonNode transfer = null;
		for (JsonNode t : batch.get("transfers")) {
			transfer = t.get("payee").asText().equals(hospital.inpe()) ? t : transfer;
		}
		assertThat(transfer).isNotNull();

		Api.Response json = api.get("/api/v1/statements/transfers/" + id + "/" + hospital.inpe());
		assertThat(json.status()).as(json.raw()).isEqualTo(200);
		JsonNode statement = json.body();
		assertThat(statement.get("claims").size()).isEqualTo(transfer.get("claims").asInt()).isEqualTo(2);
		BigDecimal sum = BigDecimal.ZERO;
		for (JsonNode claim : statement.get("claims")) {
			sum = sum.add(amount(claim, "covered"));
		}
		assertThat(sum).isEqualByComparingTo(amount(statement, "amount")).isEqualByComparingTo(amount(transfer, "amount"));
		assertThat(statement.get("maskedIban").asText()).endsWith(transfer.get("iban").asText().substring(24))
			.doesNotContain(transfer.get("iban").asText().substring(4, 24));
		assertThat(statement.get("payeeName").asText()).isEqualTo(hospital.name());

		Api provider = Users.as(api, "PROVIDER", null, hospital.inpe(), null);
		HttpResponse<byte[]> pdf = provider.download("/api/v1/statements/transfers/" + id + "/" + hospital.inpe(), "Accept",
				"application/pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(text(pdf.body())).contains("Bordereau de virement", batch.get("reference").asText(),
				"Total du virement (2 dossiers) " + amountInFrench(sum), "Facture en tiers payant");
		// Another establishment's provider is refused; a payee without a transfer in the batch is not found.
		assertThat(Users.as(api, "PROVIDER", null, "000000001", null)
			.get("/api/v1/statements/transfers/" + id + "/" + hospital.inpe()).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/statements/transfers/" + id + "/" + doctor).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/statements/transfers/999999999/" + hospital.inpe()).status()).isEqualTo(404);
	}

	@Test
	void statementsAndDelayReportsRefuseBadInputNamingTheField() {
		String member = insured("SALARIED_PRIVATE");
		assertProblem(api.get("/api/v1/statements/members/12345"), 400, "idcs");
		assertProblem(api.get("/api/v1/statements/members/" + member + "?from=2026-05-31&to=2026-05-01"), 400, "from");
		assertProblem(api.get("/api/v1/statements/members/" + member + "?from=2025-01-01&to=2026-05-01"), 400, "to");
		assertProblem(api.get("/api/v1/statements/members/" + member + "?from=1900-01-01&to=1900-02-01"), 400, "from");
		assertProblem(api.get("/api/v1/statements/members/" + member + "?from=yesterday"), 400, "from");
		String stranger = idcs();
		assertProblem(api.get("/api/v1/statements/members/" + stranger), 404, "idcs");
		assertProblem(api.get("/api/v1/statements/transfers/1/" + "x".repeat(30)), 400, "payee");
		assertProblem(api.get("/api/v1/statements/transfers/abc/" + hospital.inpe()), 400, "batchId");
		assertProblem(api.get("/api/v1/payments/late?payerBody=BANK"), 400, "payerBody");
		assertProblem(api.get("/api/v1/payments/late?payee=123"), 400, "payee");
		assertProblem(api.get("/api/v1/payments/late?size=100000"), 400, "size");
		assertProblem(api.get("/api/v1/payments/late?page=2147483647&size=200"), 200, null);
		assertProblem(api.get("/api/v1/payments/timeliness?to=2026-06-30"), 400, "from");
		assertProblem(api.get("/api/v1/payments/timeliness?from=2026-06-30&to=2026-06-01"), 400, "from");
		assertProblem(api.get("/api/v1/payments/timeliness?from=2025-01-01&to=2026-06-01"), 400, "to");
		// A refusal asked as PDF still says why, as a problem.
		HttpResponse<byte[]> pdf = api.download("/api/v1/statements/members/12345", "Accept", "application/pdf");
		assertThat(pdf.statusCode()).isEqualTo(400);
		assertThat(new String(pdf.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("idcs");
	}

	static void assertProblem(Api.Response response, int status, String field) {
		assertThat(response.status()).as(response.raw()).isEqualTo(status);
		if (field != null) {
			assertThat(response.raw()).contains("\"field\":\"" + field + "\"");
		}
	}
}
