package ma.amo.payments;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ma.amo.population.PopulationImports;
import ma.amo.providers.Profession;
import ma.amo.providers.ProviderDirectory;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Payees;
import ma.amo.support.Registers;
import ma.amo.support.Users;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Maker-checker on payment batches, and the bank's returns read back onto their transfers. */
@IntegrationTest
class BankReturnsIntegrationTest {

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
	String gp;

	@BeforeEach
	void client() {
		Api administrator = new Api(port);
		administrator.post("/api/v1/parameters/claims.review.sample-percent", "{\"effectiveFrom\":\"2025-01-01\",\"value\":\"0\"}");
		gp = directory.register(new ProviderDirectory.NewProfessional("Berrada", "Hind", Profession.GENERAL_PRACTITIONER,
				null, "Fès-Meknès", "Fès", "Fès (Mun.)"), LocalDate.of(2020, 1, 1)).inpe();
		maker = administrator;
		checker = Users.as(administrator, "FINANCE", null, null, null);
	}

	/** A salaried member with an account and one approved consultation (56.00 DH to pay); answers the claim. */
	long claimOf(String[] member) {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, cin(), "Fassi", "Amal", LocalDate.of(1982, 4, 9), 'F'));
		assertThat(maker.post("/api/v1/enrolments", "{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}"
			.formatted(idcs)).status()).isEqualTo(201);
		Payees.account(maker, "MEMBER", idcs);
		Api.Response claim = maker.post("/api/v1/claims?adjudicate=true", """
				{"kind":"MEMBER_REIMBURSEMENT","patientIdcs":"%s","careDate":"2025-10-06","filedOn":"2025-10-06","executingInpe":"%s",
				 "lines":[{"actCode":"C","billed":80}]}""".formatted(idcs, gp), "Idempotency-Key", UUID.randomUUID().toString());
		assertThat(claim.status()).as(claim.raw()).isEqualTo(201);
		member[0] = idcs;
		return claim.body().get("id").asLong();
	}

	JsonNode prepare() {
		Api.Response prepared = maker.post("/api/v1/payment-batches", "{\"payerBody\":\"CNSS\",\"cutOff\":\"%s\"}"
			.formatted(LocalDate.now(clock)), "Idempotency-Key", "lot-" + UUID.randomUUID());
		assertThat(prepared.status()).as(prepared.raw()).isEqualTo(201);
		return prepared.body();
	}

	JsonNode approvedAndExported() {
		long id = prepare().get("id").asLong();
		assertThat(checker.post("/api/v1/payment-batches/" + id + "/approval", "").status()).isEqualTo(200);
		assertThat(checker.get("/api/v1/payment-batches/" + id + "/transfers.xml").status()).isEqualTo(200);
		return checker.get("/api/v1/payment-batches/" + id).body();
	}

	String status(long claim) {
		return jdbc.sql("select status from claim where id = ?").param(claim).query(String.class).single();
	}

	Api.Response upload(String xml) {
		return checker.post("/api/v1/payment-returns", "application/xml", xml.getBytes(StandardCharsets.UTF_8));
	}

	static String pain002(String messageId, String batchReference, String... transactions) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10"><CstmrPmtStsRpt>
				<GrpHdr><MsgId>%s</MsgId><CreDtTm>2026-06-16T09:00:00+01:00</CreDtTm></GrpHdr>
				<OrgnlGrpInfAndSts><OrgnlMsgId>%s</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId></OrgnlGrpInfAndSts>
				<OrgnlPmtInfAndSts><OrgnlPmtInfId>%s</OrgnlPmtInfId>%s</OrgnlPmtInfAndSts>
				</CstmrPmtStsRpt></Document>""".formatted(messageId, batchReference, batchReference, String.join("", transactions));
	}

	static String tx(String endToEndId, String status, String reason, String amount) {
		return "<TxInfAndSts><OrgnlEndToEndId>" + endToEndId + "</OrgnlEndToEndId><TxSts>" + status + "</TxSts>"
				+ (reason == null ? "" : "<StsRsnInf><Rsn><Cd>" + reason + "</Cd></Rsn></StsRsnInf>")
				+ "<OrgnlTxRef><Amt><InstdAmt Ccy=\"MAD\">" + amount + "</InstdAmt></Amt></OrgnlTxRef></TxInfAndSts>";
	}

	static JsonNode transfer(JsonNode batch, String payee) {
		for (JsonNode t : batch.get("transfers")) {
			if (t.get("payee").asText().equals(payee)) {
				return t;
			}
		}
		throw new AssertionError("no transfer to " + payee + " in " + batch);
	}

	@Test
	void theMakerSeesCountsAndAmountsButOnlyAnotherFinanceAccountApprovesAndOnlyAnApprovedBatchLeaves() {
		String[] member = new String[1];
		long claim = claimOf(member);
		JsonNode prepared = prepare();
		long id = prepared.get("id").asLong();
		assertThat(prepared.get("status").asText()).isEqualTo("PREPARED");
		assertThat(transfer(prepared, member[0]).get("amount").get("amount").decimalValue()).isEqualByComparingTo("56.00");
		JsonNode summary = prepared.get("summary");
		assertThat(summary.get("total").get("payees").asInt()).isEqualTo(prepared.get("transfers").size());
		assertThat(summary.get("total").get("amount").get("amount").decimalValue())
			.isEqualByComparingTo(prepared.get("paid").get("amount").decimalValue());
		assertThat(summary.get("members").get("claims").asInt()).isPositive();
		assertThat(summary.has("heldBack")).isTrue();
		// Prepared, not paid: the claim waits and no bank file leaves.
		assertThat(status(claim)).isEqualTo("APPROVED");
		assertThat(maker.get("/api/v1/payment-batches/" + id + "/transfers.xml").status()).isEqualTo(409);
		assertThat(maker.get("/api/v1/payment-batches/" + id + "/transfers.csv").raw()).contains("approved");

		Api.Response ownApproval = maker.post("/api/v1/payment-batches/" + id + "/approval", "");
		assertThat(ownApproval.status()).isEqualTo(409);
		assertThat(ownApproval.raw()).contains("four-eyes");
		assertThat(maker.get("/api/v1/payment-batches/" + id).body().get("status").asText()).isEqualTo("PREPARED");

		Api.Response approved = checker.post("/api/v1/payment-batches/" + id + "/approval", "");
		assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
		assertThat(approved.body().get("status").asText()).isEqualTo("APPROVED");
		assertThat(approved.body().get("approvedBy").asText()).startsWith("finance-");
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> status(claim).equals("PAID"));
		// Approved is final: no cancellation, and the file is the same each time it is taken.
		assertThat(maker.post("/api/v1/payment-batches/" + id + "/cancellation", "").raw()).contains("approved-immutable");
		String file = checker.get("/api/v1/payment-batches/" + id + "/transfers.xml").raw();
		assertThat(checker.get("/api/v1/payment-batches/" + id + "/transfers.xml").raw()).isEqualTo(file);
		assertThat(jdbc.sql("select count(*) from audit_entry where record_id = ? and actor = ? and action = 'CHANGE'")
			.params(Long.toString(id), approved.body().get("approvedBy").asText()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aCancelledBatchReleasesItsClaimsToTheNextBatch() {
		String[] member = new String[1];
		long claim = claimOf(member);
		long first = prepare().get("id").asLong();
		Api.Response cancelled = maker.post("/api/v1/payment-batches/" + first + "/cancellation", "");
		assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
		assertThat(cancelled.body().get("status").asText()).isEqualTo("CANCELLED");
		assertThat(checker.post("/api/v1/payment-batches/" + first + "/approval", "").status()).isEqualTo(409);

		JsonNode next = prepare();
		assertThat(transfer(next, member[0]).get("claims").asInt()).isEqualTo(1);
		assertThat(status(claim)).isEqualTo("APPROVED");
	}

	@Test
	void approvalsSentAgainOrAtOnceAndExportsRepeatedNeverPutAClaimInTwoTransfers() throws Exception {
		String[] member = new String[1];
		long claim = claimOf(member);
		long id = prepare().get("id").asLong();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Integer>> approvals = List.of(
					() -> checker.post("/api/v1/payment-batches/" + id + "/approval", "").status(),
					() -> checker.post("/api/v1/payment-batches/" + id + "/approval", "").status(),
					() -> checker.get("/api/v1/payment-batches/" + id + "/transfers.xml").status(),
					() -> checker.post("/api/v1/payment-batches/" + id + "/approval", "").status());
			for (Future<Integer> answer : pool.invokeAll(approvals)) {
				assertThat(answer.get()).isIn(200, 409);
			}
		}
		finally {
			pool.shutdown();
		}
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> status(claim).equals("PAID"));
		for (int i = 0; i < 3; i++) {
			assertThat(checker.get("/api/v1/payment-batches/" + id + "/transfers.xml").status()).isEqualTo(200);
		}
		assertThat(jdbc.sql("select count(*) from payment_batch_claim where claim_id = ?").param(claim).query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from claim_event where claim_id = ? and status = 'PAID'").param(claim)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aStatusReportWithOneRejectionHasThatClaimPaidOnceByTheNextBatchAndReimportingChangesNothing() {
		String[] a = new String[1];
		String[] b = new String[1];
		String[] c = new String[1];
		long claimA = claimOf(a);
		long claimB = claimOf(b);
		long claimC = claimOf(c);
		JsonNode batch = approvedAndExported();
		String reference = batch.get("reference").asText();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> status(claimC).equals("PAID"));

		String report = pain002("BANK-" + UUID.randomUUID().toString().substring(0, 8), reference,
				tx(reference + "-" + a[0], "ACSC", null, "56.00"), tx(reference + "-" + b[0], "ACCP", null, "56.00"),
				tx(reference + "-" + c[0], "RJCT", "AC04", "56.00"));
		Api.Response imported = upload(report);
		assertThat(imported.status()).as(imported.raw()).isEqualTo(201);
		assertThat(imported.body().get("settled").asInt()).isEqualTo(2);
		assertThat(imported.body().get("rejected").asInt()).isEqualTo(1);
		assertThat(imported.body().get("importedBy").asText()).startsWith("finance-");

		JsonNode after = checker.get("/api/v1/payment-batches/" + batch.get("id").asLong()).body();
		assertThat(transfer(after, a[0]).get("status").asText()).isEqualTo("SETTLED");
		assertThat(transfer(after, c[0]).get("status").asText()).isEqualTo("REJECTED");
		assertThat(transfer(after, c[0]).get("reasonCode").asText()).isEqualTo("AC04");
		assertThat(transfer(after, c[0]).get("reasonLabel").asText()).isEqualTo("compte clôturé");
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> status(claimC).equals("APPROVED"));
		assertThat(maker.get("/api/v1/claims/" + claimC + "/history").body().findValuesAsString("comment"))
			.anyMatch(comment -> comment.startsWith("virement rejeté par la banque : compte clôturé"));

		Api.Response again = upload(report);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body().get("alreadyImported").asBoolean()).isTrue();
		assertThat(jdbc.sql("select count(*) from payment_return where message_id = ?")
			.param(imported.body().get("messageId").asText()).query(Long.class).single()).isEqualTo(1);

		// AC04: the account is closed; the next batch holds the payee back with the reason until a new one is recorded.
		String[] d = new String[1];
		claimOf(d);
		JsonNode held = prepare();
		assertThat(held.get("transfers").findValuesAsString("payee")).contains(d[0]).doesNotContain(a[0], b[0], c[0]);
		JsonNode hold = null;
		for (JsonNode h : held.get("heldBack")) {
			hold = h.get("payee").asText().equals(c[0]) ? h : hold;
		}
		assertThat(hold).as(held.toString()).isNotNull();
		assertThat(hold.get("reason").asText()).isEqualTo("ACCOUNT_CLOSED");
		assertThat(hold.get("message").asText()).contains("clôturé").contains("AC04");
		assertThat(maker.post("/api/v1/payment-batches/" + held.get("id").asLong() + "/cancellation", "").status())
			.isEqualTo(200);
		String first22 = "011780" + "9" + "0".repeat(15 - c[0].length()) + c[0];
		assertThat(maker.post("/api/v1/bank-accounts/MEMBER/" + c[0], "{\"rib\":\"" + first22 + Rib.keyOf(first22) + "\"}")
			.status()).isEqualTo(201);
		JsonNode next = prepare();
		assertThat(transfer(next, c[0]).get("claims").asInt()).isEqualTo(1);
		assertThat(next.get("transfers").findValuesAsString("payee")).doesNotContain(a[0], b[0]);
		assertThat(status(claimA)).isEqualTo("PAID");
		assertThat(status(claimB)).isEqualTo("PAID");
		assertThat(checker.get("/api/v1/payment-returns").body().findValuesAsString("messageId"))
			.contains(imported.body().get("messageId").asText());
	}

	@Test
	void aDebitNotificationSettlesItsTransferAndAReturnInItRejectsIt() {
		String[] a = new String[1];
		String[] b = new String[1];
		claimOf(a);
		long returned = claimOf(b);
		JsonNode batch = approvedAndExported();
		String reference = batch.get("reference").asText();
		String notification = """
				<?xml version="1.0" encoding="UTF-8"?>
				<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn>
				<GrpHdr><MsgId>CAMT-%s</MsgId><CreDtTm>2026-06-16T18:00:00+01:00</CreDtTm></GrpHdr>
				<Ntfctn><Id>N1</Id><Acct><Id><IBAN>MA64011519000001205000534921</IBAN></Id></Acct>
				<Ntry><Amt Ccy="MAD">56.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
				<NtryDtls><TxDtls><Refs><PmtInfId>%s</PmtInfId><EndToEndId>%s</EndToEndId></Refs><Amt Ccy="MAD">56.00</Amt></TxDtls></NtryDtls></Ntry>
				<Ntry><Amt Ccy="MAD">56.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
				<NtryDtls><TxDtls><Refs><PmtInfId>%s</PmtInfId><EndToEndId>%s</EndToEndId></Refs><Amt Ccy="MAD">56.00</Amt>
				<RtrInf><Rsn><Cd>AC01</Cd></Rsn></RtrInf></TxDtls></NtryDtls></Ntry>
				</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>""".formatted(UUID.randomUUID().toString().substring(0, 8),
				reference, reference + "-" + a[0], reference, reference + "-" + b[0]);
		Api.Response imported = upload(notification);
		assertThat(imported.status()).as(imported.raw()).isEqualTo(201);
		assertThat(imported.body().get("format").asText()).isEqualTo("camt.054.001.08");
		JsonNode after = checker.get("/api/v1/payment-batches/" + batch.get("id").asLong()).body();
		assertThat(transfer(after, a[0]).get("status").asText()).isEqualTo("SETTLED");
		assertThat(transfer(after, b[0]).get("reasonLabel").asText()).isEqualTo("numéro de compte incorrect");
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> status(returned).equals("APPROVED"));
	}

	@Test
	void anInconsistentFileIsRefusedWholeNamingTheEntryAndNothingIsStored() {
		String[] a = new String[1];
		String[] b = new String[1];
		claimOf(a);
		claimOf(b);
		JsonNode batch = approvedAndExported();
		String reference = batch.get("reference").asText();
		long returns = jdbc.sql("select count(*) from payment_return").query(Long.class).single();

		Api.Response unknownTransfer = upload(pain002("BANK-X1", reference, tx(reference + "-" + a[0], "RJCT", "AM04", "56.00"),
				tx(reference + "-999999999", "ACSC", null, "56.00")));
		assertThat(unknownTransfer.status()).isEqualTo(422);
		assertThat(unknownTransfer.raw()).contains("TxInfAndSts[1].OrgnlEndToEndId").contains("unknown-transfer");
		Api.Response wrongAmount = upload(pain002("BANK-X2", reference, tx(reference + "-" + b[0], "ACSC", null, "65.00")));
		assertThat(wrongAmount.status()).isEqualTo(422);
		assertThat(wrongAmount.raw()).contains("TxInfAndSts[0].OrgnlTxRef.Amt.InstdAmt");
		assertThat(upload(pain002("BANK-X3", "LP-CNSS-20990101-1", tx("LP-CNSS-20990101-1-1", "ACSC", null, "1.00"))).raw())
			.contains("OrgnlGrpInfAndSts.OrgnlMsgId").contains("unknown-batch");
		assertThat(upload(pain002("BANK-X4", reference, tx(reference + "-" + a[0], "ACSC", null, "56.00"))
			.replace("pain.002.001.10", "pain.002.001.03")).raw()).contains("file-type");
		String[] d = new String[1];
		claimOf(d);
		long prepared = prepare().get("id").asLong();
		String preparedReference = checker.get("/api/v1/payment-batches/" + prepared).body().get("reference").asText();
		Api.Response notExported = upload(pain002("BANK-X6", preparedReference,
				"<TxInfAndSts><OrgnlEndToEndId>" + preparedReference + "-" + d[0] + "</OrgnlEndToEndId><TxSts>ACSC</TxSts></TxInfAndSts>"));
		assertThat(notExported.status()).isEqualTo(422);
		assertThat(notExported.raw()).contains("batch-exported");

		assertThat(jdbc.sql("select count(*) from payment_return").query(Long.class).single()).isEqualTo(returns);
		JsonNode after = checker.get("/api/v1/payment-batches/" + batch.get("id").asLong()).body();
		assertThat(transfer(after, a[0]).get("status").asText()).isEqualTo("SENT");
	}

	@Test
	void aFileDeclaringADocumentTypeOrEntitiesIsRefusedAndNeverResolved() {
		String xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
				<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10"><CstmrPmtStsRpt>
				<GrpHdr><MsgId>&xxe;</MsgId></GrpHdr></CstmrPmtStsRpt></Document>""";
		Api.Response refused = upload(xxe);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.raw()).doesNotContain("root:");
		Api.Response bomb = upload("""
				<?xml version="1.0"?>
				<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
				<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10">&lol2;</Document>""");
		assertThat(bomb.status()).isEqualTo(400);
		assertThat(upload("<Document").status()).isEqualTo(400);
		assertThat(upload(pain002("X".repeat(36), "LP-1")).raw()).contains("GrpHdr.MsgId");
	}
}
