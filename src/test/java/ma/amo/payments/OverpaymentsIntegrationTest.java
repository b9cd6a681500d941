package ma.amo.payments;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import ma.amo.population.PopulationImports;
import ma.amo.providers.Profession;
import ma.amo.providers.ProviderDirectory;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Payees;
import ma.amo.support.Registers;
import ma.amo.support.Users;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Amounts paid too much on a claim (indus), recovered from the payee's next transfers. */
@IntegrationTest
class OverpaymentsIntegrationTest {

	@Autowired
	java.time.Clock clock;

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Api maker;
	Api checker;
	Api agent;
	String gp;

	@BeforeEach
	void client() {
		Api administrator = new Api(port);
		administrator.post("/api/v1/parameters/claims.review.sample-percent", "{\"effectiveFrom\":\"2025-01-01\",\"value\":\"0\"}");
		gp = directory.register(new ProviderDirectory.NewProfessional("Alaoui", "Sanae", Profession.GENERAL_PRACTITIONER,
				null, "Fès-Meknès", "Fès", "Fès (Mun.)"), LocalDate.of(2020, 1, 1)).inpe();
		maker = administrator;
		checker = Users.as(administrator, "FINANCE", null, null, null);
		agent = Users.as(administrator, "PAYER_AGENT", "CNSS", null, null);
	}

	/** A salaried member with a bank account. */
	String member() {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, cin(), "Tazi", "Karim", LocalDate.of(1979, 2, 3), 'M'));
		assertThat(maker.post("/api/v1/enrolments", "{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}"
			.formatted(idcs)).status()).isEqualTo(201);
		Payees.account(maker, "MEMBER", idcs);
		return idcs;
	}

	/** An approved consultation of the member on {@code day}, billed {@code billed}: the claim as answered. */
	JsonNode claim(String idcs, String billed, String day) {
		Api.Response claim = maker.post("/api/v1/claims?adjudicate=true", """
				{"kind":"MEMBER_REIMBURSEMENT","patientIdcs":"%s","careDate":"%s","filedOn":"%s","executingInpe":"%s",
				 "lines":[{"actCode":"C","billed":%s}]}""".formatted(idcs, day, day, gp, billed), "Idempotency-Key",
				UUID.randomUUID().toString());
		assertThat(claim.status()).as(claim.raw()).isEqualTo(201);
		assertThat(claim.body().get("status").asText()).isEqualTo("APPROVED");
		return claim.body();
	}

	JsonNode prepare() {
		Api.Response prepared = maker.post("/api/v1/payment-batches", "{\"payerBody\":\"CNSS\",\"cutOff\":\"%s\"}"
			.formatted(LocalDate.now(clock)), "Idempotency-Key", "lot-" + UUID.randomUUID());
		assertThat(prepared.status()).as(prepared.raw()).isEqualTo(201);
		return prepared.body();
	}

	JsonNode approve(JsonNode prepared) {
		Api.Response approved = checker.post("/api/v1/payment-batches/" + prepared.get("id").asLong() + "/approval", "");
		assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
		return approved.body();
	}

	String status(long claim) {
		return jdbc.sql("select status from claim where id = ?").param(claim).query(String.class).single();
	}

	/** The claim is paid, then contested and rejected on review: all it was paid is owed back. */
	long paidThenRejected(long claim) {
		long batch = approve(prepare()).get("id").asLong();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> status(claim).equals("PAID"));
		// Paid when the batch was approved, by the business clock, not when the step was stored.
		assertThat(jdbc.sql("select at from claim_event where claim_id = ? and status = 'PAID'").param(claim)
			.query(java.sql.Timestamp.class).single().toInstant())
			.isEqualTo(jdbc.sql("select approved_at from payment_batch where id = ?").param(batch)
				.query(java.sql.Timestamp.class).single().toInstant());
		Api.Response contested = agent.post("/api/v1/claims/" + claim + "/contest", "{\"comment\":\"Soins non réalisés\"}");
		assertThat(contested.body().get("status").asText()).as(contested.raw()).isEqualTo("IN_REVIEW");
		Api.Response rejected = Users.as(maker, "PAYER_AGENT", "CNSS", null, null).post("/api/v1/claims/" + claim + "/review",
				"{\"decision\":\"REJECT\",\"comment\":\"Consultation facturée deux fois\"}");
		assertThat(rejected.body().get("status").asText()).as(rejected.raw()).isEqualTo("REJECTED");
		Awaitility.await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("select count(*) from overpayment where claim_id = ?").param(claim).query(Long.class)
				.single() == 1);
		return jdbc.sql("select id from overpayment where claim_id = ?").param(claim).query(Long.class).single();
	}

	static JsonNode transfer(JsonNode batch, String payee) {
		for (JsonNode t : batch.get("transfers")) {
			if (t.get("payee").asText().equals(payee)) {
				return t;
			}
		}
		throw new AssertionError("no transfer to " + payee + " in " + batch);
	}

	static BigDecimal money(JsonNode node, String field) {
		return node.get(field).get("amount").decimalValue();
	}

	@Test
	void anOverpaymentIsRecoveredOverTheNextTwoTransfersWhichNeverGoBelowZeroAndTheStatementsShowIt() throws Exception {
		String member = member();
		long overpaid = claim(member, "80", "2025-10-06").get("id").asLong();
		long id = paidThenRejected(overpaid);
		JsonNode open = agent.get("/api/v1/overpayments?payee=" + member).body();
		assertThat(open).hasSize(1);
		assertThat(open.get(0).get("claimId").asLong()).isEqualTo(overpaid);
		assertThat(money(open.get(0), "amount")).isEqualByComparingTo("56.00");
		assertThat(open.get(0).get("reason").asText()).isEqualTo("Consultation facturée deux fois");
		assertThat(open.get(0).get("status").asText()).isEqualTo("OPEN");

		// The next transfer is smaller than what is owed: all of it is netted, nothing sent, the rest carried over.
		BigDecimal small = money(claim(member, "40", "2025-10-07"), "covered");
		assertThat(small).isLessThan(new BigDecimal("56.00"));
		JsonNode second = prepare();
		JsonNode netted = transfer(second, member);
		assertThat(money(netted, "amount")).isEqualByComparingTo("0.00");
		assertThat(money(netted, "recovered")).isEqualByComparingTo(small);
		assertThat(netted.get("status").asText()).isEqualTo("NETTED");
		assertThat(money(second.get("summary"), "recovered")).isGreaterThanOrEqualTo(small);
		approve(second);
		JsonNode afterSecond = agent.get("/api/v1/overpayments?payee=" + member).body().get(0);
		assertThat(afterSecond.get("status").asText()).isEqualTo("OPEN");
		assertThat(money(afterSecond, "outstanding")).isEqualByComparingTo(new BigDecimal("56.00").subtract(small));

		// The following transfer takes the rest and sends the difference; the overpayment is closed.
		claim(member, "80", "2025-10-08");
		JsonNode third = approve(prepare());
		JsonNode paid = transfer(third, member);
		assertThat(money(paid, "recovered")).isEqualByComparingTo(new BigDecimal("56.00").subtract(small));
		assertThat(money(paid, "amount")).isEqualByComparingTo(small);
		assertThat(agent.get("/api/v1/overpayments?payee=" + member).body()).isEmpty();
		JsonNode closed = agent.get("/api/v1/overpayments?payee=" + member + "&all=true").body().get(0);
		assertThat(closed.get("id").asLong()).isEqualTo(id);
		assertThat(closed.get("status").asText()).isEqualTo("RECOVERED");
		assertThat(closed.get("recoveries")).hasSize(2);
		assertThat(jdbc.sql("select count(*) from payment_order where amount < 0").query(Long.class).single()).isZero();

		// The bank file sends what is left, and leaves the netted transfer out.
		String file = checker.get("/api/v1/payment-batches/" + third.get("id").asLong() + "/transfers.xml").raw();
		assertThat(file).contains(third.get("reference").asText() + "-" + member);
		assertThat(file).contains(">" + small.setScale(2).toPlainString() + "</InstdAmt>");

		// The payee's statements show each netting with its claim.
		JsonNode bordereau = checker.get("/api/v1/statements/transfers/" + third.get("id").asLong() + "/" + member).body();
		assertThat(bordereau.get("recovered").get(0).get("claimId").asLong()).isEqualTo(overpaid);
		assertThat(money(bordereau, "amount")).isEqualByComparingTo(small);
		byte[] pdf = checker.download("/api/v1/statements/transfers/" + third.get("id").asLong() + "/" + member, "Accept",
				"application/pdf").body();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document)).contains("Indu récupéré sur le dossier " + overpaid);
		}
		JsonNode decompte = agent.get("/api/v1/statements/members/" + member + "?from=2026-01-01&to=2026-12-31").body();
		assertThat(decompte.get("recovered")).hasSize(2);
		assertThat(money(decompte, "recoveredTotal")).isEqualByComparingTo("56.00");
	}

	@Test
	void aCancelledBatchOwesItsNettingAgainAndFinanceCancelsAnOverpaymentWithAReason() {
		String member = member();
		long overpaid = claim(member, "80", "2025-10-06").get("id").asLong();
		long id = paidThenRejected(overpaid);
		claim(member, "80", "2025-10-07");
		JsonNode prepared = prepare();
		assertThat(money(transfer(prepared, member), "recovered")).isEqualByComparingTo("56.00");
		assertThat(maker.post("/api/v1/payment-batches/" + prepared.get("id").asLong() + "/cancellation", "").status())
			.isEqualTo(200);
		JsonNode reopened = agent.get("/api/v1/overpayments?payee=" + member).body().get(0);
		assertThat(reopened.get("status").asText()).isEqualTo("OPEN");
		assertThat(money(reopened, "outstanding")).isEqualByComparingTo("56.00");

		Api.Response noReason = checker.post("/api/v1/overpayments/" + id + "/cancellation", "{\"reason\":\" \"}");
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.raw()).contains("reason");
		assertThat(checker.post("/api/v1/overpayments/" + id + "/cancellation", "{\"reason\":\"" + "x".repeat(501) + "\"}")
			.status()).isEqualTo(400);
		assertThat(agent.post("/api/v1/overpayments/" + id + "/cancellation", "{\"reason\":\"Remboursé par chèque\"}")
			.status()).isEqualTo(403);
		Api.Response cancelled = checker.post("/api/v1/overpayments/" + id + "/cancellation",
				"{\"reason\":\"Remboursé par chèque\"}");
		assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
		assertThat(cancelled.body().get("status").asText()).isEqualTo("CANCELLED");
		assertThat(cancelled.body().get("cancelReason").asText()).isEqualTo("Remboursé par chèque");
		assertThat(checker.post("/api/v1/overpayments/" + id + "/cancellation", "{\"reason\":\"encore\"}").status())
			.isEqualTo(409);
		assertThat(checker.post("/api/v1/overpayments/999999999/cancellation", "{\"reason\":\"x\"}").status())
			.isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'OVERPAYMENT' and record_id = ? and action = 'CHANGE'")
			.param(Long.toString(id)).query(Long.class).single()).isEqualTo(1);

		// Written off: the next transfer is paid whole.
		JsonNode next = prepare();
		assertThat(money(transfer(next, member), "recovered")).isEqualByComparingTo("0.00");
		assertThat(money(transfer(next, member), "amount")).isEqualByComparingTo("56.00");
		assertThat(agent.get("/api/v1/overpayments").status()).isEqualTo(400);
		assertThat(agent.get("/api/v1/overpayments?payee=%3Cscript%3E").status()).isEqualTo(400);
	}
}
