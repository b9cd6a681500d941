package ma.amo.approvals;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import ma.amo.population.PopulationImports;
import ma.amo.providers.Profession;
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
import tools.jackson.databind.JsonNode;

/**
 * Provider invoices citing an approval the platform issued: the rule PRIOR_APPROVAL_MISSING checks it and the line
 * uses it. Amounts by hand from the 2006 tariff, CNSS 70 % in a private clinic: appendicectomy K 70 × 22.50 =
 * 1,575.00, covered 1,102.50; a physiotherapy session AMM 1 × 50.00, covered 35.00.
 */
@IntegrationTest
class InvoicesUseApprovalsIntegrationTest {

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@Autowired
	Clock clock;

	@LocalServerPort
	int port;

	Api administrator;
	Api reviewer;
	Api establishment;
	String clinic;
	String practitioner;
	LocalDate today;

	@BeforeEach
	void setUp() {
		administrator = new Api(port);
		administrator.post("/api/v1/parameters/claims.review.sample-percent", "{\"effectiveFrom\":\"2026-01-01\",\"value\":\"0\"}");
		reviewer = Users.medicalReviewer(administrator);
		clinic = directory.register(new ProviderDirectory.NewEstablishment("Clinique Hay Riad " + UUID.randomUUID(), "CLINIC",
				Sector.PRIVATE, "Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"), LocalDate.of(2020, 1, 1)).provider().inpe();
		directory.convention(clinic, "CNSS", LocalDate.of(2025, 1, 1), null);
		practitioner = directory.register(new ProviderDirectory.NewProfessional("Bennani", "Omar", Profession.SPECIALIST,
				"Chirurgie générale", "Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"), LocalDate.of(2020, 1, 1)).inpe();
		establishment = Users.as(administrator, "PROVIDER", null, clinic, null);
		today = LocalDate.now(clock);
	}

	String insured() {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, cin(), "Idrissi", "Salma", LocalDate.of(1979, 9, 9), 'F'));
		assertThat(administrator.post("/api/v1/enrolments", "{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}"
			.formatted(idcs)).status()).isEqualTo(201);
		return idcs;
	}

	/** An approval asked by the clinic and granted by the reviewer from 10 days ago for a month. */
	String approved(String idcs, String careType, String extra, String line, String grant) {
		Api.Response asked = establishment.post("/api/v1/prior-approvals", """
				{"patientIdcs":"%s","establishmentInpe":"%s","careType":"%s","expectedStart":"%s",%s
				 "lines":[%s],"medicalNote":"Indication posée en consultation"}"""
			.formatted(idcs, clinic, careType, today.minusDays(5), extra, line), "Idempotency-Key", UUID.randomUUID().toString());
		assertThat(asked.status()).as(asked.raw()).isEqualTo(201);
		String reference = asked.body().get("reference").asText();
		Api.Response decided = reviewer.post("/api/v1/prior-approvals/" + reference + "/decision",
				"{\"decision\":\"APPROVED\",\"validFrom\":\"%s\",\"validUntil\":\"%s\",%s}"
					.formatted(today.minusDays(10), today.plusDays(20), grant));
		assertThat(decided.status()).as(decided.raw()).isEqualTo(200);
		return reference;
	}

	JsonNode invoice(String idcs, LocalDate careDate, String reference, String line) {
		Api.Response filed = administrator.post("/api/v1/claims?adjudicate=true", """
				{"kind":"PROVIDER_INVOICE","patientIdcs":"%s","careDate":"%s","filedOn":"%s","executingInpe":"%s",
				 "establishmentInpe":"%s","priorApproval":"%s","lines":[%s]}"""
			.formatted(idcs, careDate, today, practitioner, clinic, reference, line), "Idempotency-Key",
				UUID.randomUUID().toString(), "Submitter", "clinique");
		assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
		return filed.body().get("lines").get(0);
	}

	JsonNode approval(String reference) {
		return reviewer.get("/api/v1/prior-approvals/" + reference).body();
	}

	static final String APPENDICECTOMY = "{\"actCode\":\"APPENDICECTOMIE\",\"billed\":2500.00}";
	static final String SESSION = "{\"actCode\":\"AMM\",\"billed\":50.00}";

	@Test
	void anInvoiceUsesTheApprovedAmountOnceAndASecondInvoiceOnTheExhaustedApprovalIsRefused() {
		String idcs = insured();
		String reference = approved(idcs, "HOSPITAL_STAY", "\"stayDays\":2,", APPENDICECTOMY, "\"amount\":1102.50");
		JsonNode first = invoice(idcs, today.minusDays(2), reference, APPENDICECTOMY);
		assertThat(first.get("outcome").asText()).as(first.toString()).isEqualTo("ACCEPTED");
		assertThat(first.get("covered").get("amount").decimalValue()).isEqualByComparingTo("1102.50");
		assertThat(approval(reference).get("amountUsed").get("amount").decimalValue()).isEqualByComparingTo("1102.50");
		// The same care sent again: a duplicate, and the approval is not used twice.
		JsonNode again = invoice(idcs, today.minusDays(2), reference, APPENDICECTOMY);
		assertThat(again.get("outcome").asText()).isEqualTo("REJECTED");
		assertThat(again.get("reasons").toString()).contains("DUPLICATE");
		assertThat(approval(reference).get("amountUsed").get("amount").decimalValue()).isEqualByComparingTo("1102.50");
		// Another invoice, another day: nothing left on the approval.
		JsonNode second = invoice(idcs, today.minusDays(1), reference, APPENDICECTOMY);
		assertThat(second.get("outcome").asText()).isEqualTo("REJECTED");
		assertThat(second.get("reasons").toString()).contains("PRIOR_APPROVAL_MISSING")
			.contains("montant restant sur l'accord " + reference + " 0.00 DH");
	}

	@Test
	void aSeriesIsInvoicedSessionBySessionUntilTheApprovedSessionsAreUsed() {
		String idcs = insured();
		String reference = approved(idcs, "PHYSIOTHERAPY", "\"sessions\":2,", SESSION, "\"amount\":500.00,\"sessions\":2");
		assertThat(invoice(idcs, today.minusDays(4), reference, SESSION).get("outcome").asText()).isEqualTo("ACCEPTED");
		assertThat(invoice(idcs, today.minusDays(3), reference, SESSION).get("outcome").asText()).isEqualTo("ACCEPTED");
		JsonNode third = invoice(idcs, today.minusDays(2), reference, SESSION);
		assertThat(third.get("outcome").asText()).isEqualTo("REJECTED");
		assertThat(third.get("reasons").toString()).contains("les 2 séances de l'accord " + reference + " sont utilisées");
		JsonNode used = approval(reference);
		assertThat(used.get("sessionsUsed").asInt()).isEqualTo(2);
		assertThat(used.get("amountUsed").get("amount").decimalValue()).isEqualByComparingTo("70.00");
	}

	@Test
	void anApprovalOfAnotherPatientOutsideItsDatesOrNotGrantedCoversNothing() {
		String idcs = insured();
		String reference = approved(idcs, "HOSPITAL_STAY", "\"stayDays\":2,", APPENDICECTOMY, "\"amount\":1102.50");
		assertThat(invoice(insured(), today.minusDays(1), reference, APPENDICECTOMY).get("reasons").toString())
			.contains("l'accord " + reference + " est celui d'un autre patient");
		assertThat(invoice(idcs, today.minusDays(11), reference, APPENDICECTOMY).get("reasons").toString())
			.contains("est valable du " + today.minusDays(10));
		assertThat(invoice(idcs, today.minusDays(1), "PA-2026-999999", APPENDICECTOMY).get("reasons").toString())
			.contains("accord préalable PA-2026-999999 inconnu");
		Api.Response pending = establishment.post("/api/v1/prior-approvals", """
				{"patientIdcs":"%s","establishmentInpe":"%s","careType":"SURGERY","expectedStart":"%s",
				 "lines":[%s],"medicalNote":"Hernie inguinale"}""".formatted(idcs, clinic, today, APPENDICECTOMY),
				"Idempotency-Key", UUID.randomUUID().toString());
		assertThat(invoice(idcs, today.minusDays(1), pending.body().get("reference").asText(), APPENDICECTOMY)
			.get("reasons").toString()).contains("n'est pas accordé (PENDING)");
	}
}
