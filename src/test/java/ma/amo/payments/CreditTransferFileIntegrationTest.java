package ma.amo.payments;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import ma.amo.population.PopulationImports;
import ma.amo.providers.Profession;
import ma.amo.providers.ProviderDirectory;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Payees;
import ma.amo.support.Registers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class CreditTransferFileIntegrationTest {

	private static final String NS = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

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
		gp = directory.register(new ProviderDirectory.NewProfessional("Tazi", "Omar", Profession.GENERAL_PRACTITIONER,
				null, "Fès-Meknès", "Fès", "Fès (Mun.)"), LocalDate.of(2020, 1, 1)).inpe();
	}

	String enrolled(String regime) {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, cin(), "Idrissi", "Nadia", LocalDate.of(1979, 6, 3), 'F'));
		assertThat(api.post("/api/v1/enrolments", "{\"idcs\":\"%s\",\"regime\":\"%s\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}"
			.formatted(idcs, regime)).status()).isEqualTo(201);
		return idcs;
	}

	void consultation(String patient, String careDate) {
		Api.Response response = api.post("/api/v1/claims?adjudicate=true", """
				{"kind":"MEMBER_REIMBURSEMENT","patientIdcs":"%s","careDate":"%s","filedOn":"%s","executingInpe":"%s",
				 "lines":[{"actCode":"C","billed":80}]}""".formatted(patient, careDate, careDate, gp),
				"Idempotency-Key", UUID.randomUUID().toString());
		assertThat(response.status()).as(response.raw()).isEqualTo(201);
	}

	JsonNode pay(String payerBody) {
		Api.Response created = api.post("/api/v1/payment-batches", "{\"payerBody\":\"%s\",\"cutOff\":\"%s\"}"
			.formatted(payerBody, LocalDate.now(clock)), "Idempotency-Key", "lot-" + UUID.randomUUID());
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		Api.Response approved = ma.amo.support.Users.as(api, "FINANCE", null, null, null)
			.post("/api/v1/payment-batches/" + created.body().get("id").asLong() + "/approval", "");
		assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
		return approved.body();
	}

	/** Validates against ISO 20022's published schema, failing on the first warning or error. */
	static Document valid(String xml) throws Exception {
		Validator validator = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
			.newSchema(CreditTransferFileIntegrationTest.class.getResource("/iso20022/pain.001.001.09.xsd"))
			.newValidator();
		List<String> problems = new ArrayList<>();
		validator.setErrorHandler(new ErrorHandler() {
			public void warning(SAXParseException e) {
				problems.add(e.getMessage());
			}

			public void error(SAXParseException e) {
				problems.add(e.getMessage());
			}

			public void fatalError(SAXParseException e) {
				problems.add(e.getMessage());
			}
		});
		validator.validate(new StreamSource(new StringReader(xml)));
		assertThat(problems).as(xml).isEmpty();
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	static List<Element> all(Element parent, String name) {
		NodeList nodes = parent.getElementsByTagNameNS(NS, name);
		List<Element> found = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			found.add((Element) nodes.item(i));
		}
		return found;
	}

	static String text(Element parent, String name) {
		return all(parent, name).getFirst().getTextContent();
	}

	static Element transaction(Document file, String payee) {
		return all(file.getDocumentElement(), "CdtTrfTxInf").stream()
			.filter(t -> text(t, "EndToEndId").endsWith("-" + payee)).findFirst()
			.orElseThrow(() -> new AssertionError("no transfer to " + payee));
	}

	long auditedReads(String batchId) {
		trail.flush();
		return jdbc.sql("select count(*) from audit_entry where record_type = 'PAYMENT_BATCH' and record_id = ? and actor = 'admin'")
			.param(batchId).query(Long.class).single();
	}

	@Test
	void aBatchLeavesAsACreditTransferFileValidAgainstTheIsoSchemaWithOneTransactionPerPayeeAndItsControlSum() throws Exception {
		String twice = enrolled("SALARIED_PRIVATE");
		Payees.account(api, "MEMBER", twice);
		String once = enrolled("SALARIED_PRIVATE");
		String onceRib = Payees.account(api, "MEMBER", once);
		String withoutAccount = enrolled("SALARIED_PRIVATE");
		consultation(twice, "2025-11-03");
		consultation(twice, "2025-11-10");
		consultation(once, "2025-11-04");
		consultation(withoutAccount, "2025-11-05");
		JsonNode batch = pay("CNSS");
		String reference = batch.get("reference").asText();
		String id = batch.get("id").asText();
		long auditedBefore = auditedReads(id);

		Api.Response response = api.get("/api/v1/payment-batches/" + id + "/transfers.xml");
		assertThat(response.status()).as(response.raw()).isEqualTo(200);
		Document file = valid(response.raw());
		Element root = file.getDocumentElement();

		Element header = all(root, "GrpHdr").getFirst();
		assertThat(text(header, "MsgId")).isEqualTo(reference);
		// Created now by the platform's clock (which starts at the fixed instant and runs on).
		assertThat(java.time.Duration.between(java.time.OffsetDateTime.parse(text(header, "CreDtTm")),
				java.time.OffsetDateTime.now(clock)).abs()).isLessThan(java.time.Duration.ofMinutes(1));
		List<Element> transactions = all(root, "CdtTrfTxInf");
		assertThat(transactions).hasSize(batch.get("transfers").size());
		assertThat(text(header, "NbOfTxs")).isEqualTo(Integer.toString(transactions.size()));
		// The control sum is what the batch pays, and the sum of the amounts sent, to the centime.
		BigDecimal sent = transactions.stream().map(t -> new BigDecimal(text(t, "InstdAmt")))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(text(header, "CtrlSum")).isEqualTo(batch.get("paid").get("amount").decimalValue().setScale(2).toPlainString());
		assertThat(new BigDecimal(text(header, "CtrlSum"))).isEqualByComparingTo(sent);

		// One payment block: CNSS's account, debited on the day the file is made.
		List<Element> blocks = all(root, "PmtInf");
		assertThat(blocks).hasSize(1);
		Element block = blocks.getFirst();
		assertThat(text(block, "PmtMtd")).isEqualTo("TRF");
		assertThat(text(all(block, "ReqdExctnDt").getFirst(), "Dt")).isEqualTo("2026-06-15");
		assertThat(text(all(block, "Dbtr").getFirst(), "Nm")).isEqualTo("CNSS (compte de démonstration)");
		assertThat(text(all(block, "DbtrAcct").getFirst(), "IBAN")).isEqualTo("MA64011780000000000000000150");
		assertThat(text(block, "CtrlSum")).isEqualTo(text(header, "CtrlSum"));

		// Two consultations of 80 DH at 70 %: 112.00 in one transfer; one: 56.00, to the recorded IBAN.
		Element toTwice = transaction(file, twice);
		assertThat(text(toTwice, "EndToEndId")).isEqualTo(reference + "-" + twice);
		assertThat(text(toTwice, "InstdAmt")).isEqualTo("112.00");
		assertThat(all(toTwice, "InstdAmt").getFirst().getAttribute("Ccy")).isEqualTo("MAD");
		assertThat(text(toTwice, "Ustrd")).isEqualTo(reference + " 2 dossiers");
		Element toOnce = transaction(file, once);
		assertThat(text(toOnce, "InstdAmt")).isEqualTo("56.00");
		assertThat(text(all(toOnce, "Cdtr").getFirst(), "Nm")).isEqualTo(once);
		assertThat(text(all(toOnce, "CdtrAcct").getFirst(), "IBAN")).isEqualTo(new Rib(onceRib).iban());
		assertThat(text(toOnce, "Ustrd")).isEqualTo(reference + " 1 dossier");
		// The member held back for want of an account is not in the file.
		assertThat(batch.get("heldBack").toString()).contains(withoutAccount);
		assertThat(response.raw()).doesNotContain(withoutAccount);

		// Who took the bank file is in the audit trail.
		assertThat(auditedReads(id)).isGreaterThan(auditedBefore);
	}

	@Test
	void aCnopsBatchIsDebitedFromTheCnopsAccount() throws Exception {
		String servant = enrolled("PUBLIC_SECTOR");
		Payees.account(api, "MEMBER", servant);
		consultation(servant, "2025-11-06");
		JsonNode batch = pay("CNOPS");

		Document file = valid(api.get("/api/v1/payment-batches/" + batch.get("id").asText() + "/transfers.xml").raw());
		List<Element> blocks = all(file.getDocumentElement(), "PmtInf");
		assertThat(blocks).hasSize(1);
		assertThat(text(all(blocks.getFirst(), "Dbtr").getFirst(), "Nm")).isEqualTo("CNOPS (compte de démonstration)");
		assertThat(text(all(blocks.getFirst(), "DbtrAcct").getFirst(), "IBAN")).isEqualTo("MA64011780000000000000000247");
		assertThat(transaction(file, servant)).isNotNull();
	}

	@Test
	void aBatchMadeBeforeAccountsWereRecordedIsRefusedAsCreditTransfersButKeepsItsCsv() {
		String member = enrolled("SALARIED_PRIVATE");
		Payees.account(api, "MEMBER", member);
		consultation(member, "2025-11-07");
		JsonNode batch = pay("CNSS");
		String id = batch.get("id").asText();
		// Orders of batches made before accounts were recorded carry no account.
		jdbc.sql("update payment_order set rib = null where batch_id = ? and payee = ?").params(batch.get("id").asLong(), member)
			.update();

		Api.Response refused = api.get("/api/v1/payment-batches/" + id + "/transfers.xml");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.raw()).contains("transfers").contains("iban-required").contains(member);
		assertThat(api.get("/api/v1/payment-batches/" + id + "/transfers.csv").status()).isEqualTo(200);
	}

	@Test
	void aBankFileTakenAgainAfterAFailedExportRepeatsTheSameTransfersAndNoClaimIsPaidTwice() throws Exception {
		String member = enrolled("SALARIED_PRIVATE");
		Payees.account(api, "MEMBER", member);
		consultation(member, "2025-11-12");
		JsonNode first = pay("CNSS");
		long id = first.get("id").asLong();
		long claim = jdbc.sql("select claim_id from payment_batch_claim where batch_id = ? and payee = ?").params(id, member)
			.query(Long.class).single();
		// The export fails half-way (the payee's account cannot be read): nothing about the batch changes.
		String rib = jdbc.sql("select rib from payment_order where batch_id = ? and payee = ?").params(id, member)
			.query(String.class).single();
		jdbc.sql("update payment_order set rib = null where batch_id = ? and payee = ?").params(id, member).update();
		assertThat(api.get("/api/v1/payment-batches/" + id + "/transfers.xml").status()).isEqualTo(409);
		jdbc.sql("update payment_order set rib = ? where batch_id = ? and payee = ?").params(rib, id, member).update();

		// Taken again, twice: the same transfer under the same end-to-end id, which a bank refuses to execute twice.
		Element once = transaction(valid(api.get("/api/v1/payment-batches/" + id + "/transfers.xml").raw()), member);
		Element again = transaction(valid(api.get("/api/v1/payment-batches/" + id + "/transfers.xml").raw()), member);
		assertThat(text(again, "EndToEndId")).isEqualTo(text(once, "EndToEndId"));
		assertThat(text(again, "InstdAmt")).isEqualTo(text(once, "InstdAmt")).isEqualTo("56.00");

		// The next batch pays only the care decided since: the first claim stays in its one batch, paid once.
		consultation(member, "2025-11-20");
		JsonNode second = pay("CNSS");
		Element next = transaction(valid(api.get("/api/v1/payment-batches/" + second.get("id").asText() + "/transfers.xml")
			.raw()), member);
		assertThat(text(next, "InstdAmt")).isEqualTo("56.00");
		assertThat(text(next, "EndToEndId")).isEqualTo(second.get("reference").asText() + "-" + member);
		assertThat(jdbc.sql("select batch_id from payment_batch_claim where claim_id = ?").param(claim).query(Long.class).list())
			.containsExactly(id);
		assertThat(jdbc.sql("select count(*) from payment_batch_claim p join claim c on c.id = p.claim_id "
				+ "where c.patient_idcs = ?").param(member).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void anUnknownBatchIsNotFound() {
		assertThat(api.get("/api/v1/payment-batches/987654321/transfers.xml").status()).isEqualTo(404);
	}
}
