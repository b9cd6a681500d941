package ma.amo.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import ma.amo.audit.AuditTrail;
import ma.amo.population.PopulationImports;
import ma.amo.providers.ProviderDirectory;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Payees;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The portal's pages as HTML answers: what they show, to whom, what they refuse and what they store. Amounts by hand
 * from the 2006 tariff: a consultation C is 80 DH, covered at 70 % for the private sector's regime = 56.00.
 */
@IntegrationTest
class PortalPagesIntegrationTest {

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@LocalServerPort
	int port;

	PortalFixtures fixtures;
	Api clinic;
	LocalDate today;

	@BeforeEach
	void setUp() {
		fixtures = PortalFixtures.create(port, imports, directory);
		clinic = fixtures.clinicAccount();
		today = LocalDate.now(clock);
	}

	private static Api.Response form(Api api, String path, String... namesAndValues) {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
				.append('=').append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
		}
		return api.post(path, "application/x-www-form-urlencoded", body.toString().getBytes(StandardCharsets.UTF_8));
	}

	private String[] invoice(String key, String patient, String code, String billed) {
		return new String[] { "key", key, "patientIdcs", patient, "careDate", today.minusDays(1).toString(),
				"executingInpe", fixtures.doctor(), "establishmentInpe", fixtures.clinic(), "type", "ACT", "code", code,
				"coefficient", "", "quantity", "", "billed", billed };
	}

	private long claimsOf(Api api, String patient) {
		return api.get("/api/v1/claims?patientIdcs=" + patient).body().get("totalElements").asLong();
	}

	@Test
	void theLiveQuotePricesTheLinesTypedAtThePatientsRateAndExplainsEachOne() {
		String patient = fixtures.insured("Amina");
		Api.Response quote = form(clinic, "/prestataire/soins/devis", invoice("k", patient, "C", "100,00"));
		assertThat(quote.status()).isEqualTo(200);
		// Billed 100 above the base of 80: covered 80 × 70 % = 56.00, the patient pays 44.00 with the excess.
		assertThat(quote.raw()).contains("Droits ouverts", "80,00 DH", "70 %", "56,00 DH", "44,00 DH",
				"Facturé au-dessus de la base");
		// A quote stores nothing.
		assertThat(claimsOf(fixtures.administrator(), patient)).isZero();
	}

	@Test
	void anInvoiceSentTwiceWithTheSameFormFilesOneClaimDecidedAtOnce() {
		String patient = fixtures.insured("Samira");
		String key = UUID.randomUUID().toString();
		assertThat(form(clinic, "/prestataire/soins", invoice(key, patient, "C", "80")).status()).isEqualTo(302);
		assertThat(form(clinic, "/prestataire/soins", invoice(key, patient, "C", "80")).status()).isEqualTo(302);
		var found = fixtures.administrator().get("/api/v1/claims?patientIdcs=" + patient).body();
		assertThat(found.get("totalElements").asLong()).isEqualTo(1);
		assertThat(found.get("content").get(0).get("status").asText()).isEqualTo("APPROVED");
		assertThat(found.get("content").get(0).get("kind").asText()).isEqualTo("PROVIDER_INVOICE");
		long id = found.get("content").get(0).get("id").asLong();
		Api.Response page = clinic.get("/prestataire/dossiers/" + id);
		assertThat(page.raw()).contains("Accepté", "56,00 DH", "Taux de couverture du régime");
		// The page is a read of personal data: in the audit trail under the clinic's account.
		trail.flush();
		assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'CLAIM' and record_id = ? and actor = ?")
			.params(Long.toString(id), clinic.username()).query(Long.class).single()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void hostileOrMalformedLinesAreRefusedInFrenchBesideTheirFieldAndNothingIsStored() {
		String patient = fixtures.insured("Khadija");
		Api.Response refused = form(clinic, "/prestataire/soins", "key", UUID.randomUUID().toString(), "patientIdcs",
				patient, "careDate", today.plusDays(3).toString(), "executingInpe", "12345", "establishmentInpe",
				fixtures.clinic(), "type", "ACT", "code", "C".repeat(500), "coefficient", "-2", "quantity", "0",
				"billed", "1e9", "type", "DRUG", "code", "C", "coefficient", "", "quantity", "", "billed", "-3");
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.raw()).contains("Date des soins : du", "INPE de l&#39;exécutant : neuf chiffres, clé comprise",
				"Code : 20 caractères au plus", "Coefficient : un nombre, deux décimales au plus",
				"Quantité : un nombre entier de 1 à 100000", "Montant facturé : un nombre, deux décimales au plus",
				"Type : acte ou médicament");
		// A control character is refused by the platform's bounds on every parameter, before any page reads it.
		Api.Response control = form(clinic, "/prestataire/soins", invoice(UUID.randomUUID().toString(), patient, "C\u0000", "80"));
		assertThat(control.status()).isEqualTo(400);
		Api.Response tooMany = form(clinic, "/prestataire/soins", manyLines(patient, 51));
		assertThat(tooMany.raw()).contains("Lignes : 50 au plus par saisie");
		Api.Response unknown = form(clinic, "/prestataire/soins", invoice(UUID.randomUUID().toString(), patient, "NOPE", "10"));
		assertThat(unknown.raw()).contains("Ligne 1, Code : acte inconnu du tarif en vigueur à la date des soins");
		assertThat(claimsOf(fixtures.administrator(), patient)).isZero();
	}

	private String[] manyLines(String patient, int lines) {
		String[] head = { "key", UUID.randomUUID().toString(), "patientIdcs", patient, "careDate", today.toString(),
				"executingInpe", fixtures.doctor(), "establishmentInpe", fixtures.clinic() };
		String[] all = java.util.Arrays.copyOf(head, head.length + lines * 10);
		for (int i = 0; i < lines; i++) {
			String[] line = { "type", "ACT", "code", "C", "coefficient", "", "quantity", "", "billed", "80" };
			System.arraycopy(line, 0, all, head.length + i * 10, 10);
		}
		return all;
	}

	@Test
	void aProviderReadsOnlyTheClaimsOfItsOwnInpeAndAMemberOnlyTheirFamilys() {
		String patient = fixtures.insured("Laila");
		long claim = fixtures.consultation(patient, today.minusDays(2));
		Api otherClinic = PortalFixtures.create(port, imports, directory).clinicAccount();
		Api.Response refused = otherClinic.get("/prestataire/dossiers/" + claim);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.raw()).contains("hors de votre périmètre");
		// The refusal is a page of the portal: the clinic still has its menu to go on.
		assertThat(refused.raw()).contains("href=\"/prestataire/dossiers\"", "href=\"/prestataire/paiements\"");
		Api stranger = fixtures.memberAccount(fixtures.insured("Souad"));
		assertThat(stranger.get("/assure/dossiers/" + claim).status()).isEqualTo(403);
		assertThat(stranger.get("/assure/dossiers").raw()).doesNotContain(patient);
		Api member = fixtures.memberAccount(patient);
		assertThat(member.get("/assure/dossiers").raw()).contains("/assure/dossiers/" + claim);
		assertThat(member.get("/assure/dossiers/999999999").status()).isEqualTo(404);
		// The pages of one role are not the other's.
		assertThat(member.get("/prestataire/droits").status()).isEqualTo(403);
		assertThat(clinic.get("/assure/droits").status()).isEqualTo(403);
	}

	@Test
	void aProviderChecksAPatientsRightsAndIsToldInFrenchWhenTheIdentifierIsWrong() {
		String patient = fixtures.insured("Zineb");
		assertThat(clinic.get("/prestataire/droits?idcs=" + patient + "&date=" + today).raw()).contains("Droits ouverts");
		assertThat(clinic.get("/prestataire/droits?idcs=12ab&date=" + today).raw()).contains("IDCS : 9 à 12 chiffres");
		assertThat(clinic.get("/prestataire/droits?idcs=" + patient + "&date=2026-02-30").raw())
			.contains("Date : une date (jj/mm/aaaa)");
		assertThat(clinic.get("/prestataire/droits?idcs=" + patient + "&date=1990-01-01").raw()).contains("Date : du ");
	}

	@Test
	void anEstablishmentAsksForAPriorApprovalOnceAndReadsItsPreCheckAndDueDate() {
		String patient = fixtures.insured("Fatima");
		String key = UUID.randomUUID().toString();
		String[] request = { "key", key, "patientIdcs", patient, "careType", "HOSPITAL_STAY", "expectedStart",
				today.plusDays(7).toString(), "stayDays", "3", "sessions", "", "protocol", "", "renews", "",
				"medicalNote", "Appendicite aiguë, intervention programmée", "type", "ACT", "code", "APPENDICECTOMIE",
				"coefficient", "", "quantity", "", "billed", "2500" };
		assertThat(form(clinic, "/prestataire/accords", request).status()).isEqualTo(302);
		assertThat(form(clinic, "/prestataire/accords", request).status()).isEqualTo(302);
		var approvals = clinic.get("/api/v1/prior-approvals?idcs=" + patient).body();
		assertThat(approvals.size()).isEqualTo(1);
		String reference = approvals.get(0).get("reference").asText();
		Api.Response page = clinic.get("/prestataire/accords/" + reference);
		assertThat(page.raw()).contains(reference, "En attente de décision", "Hospitalisation", "2 500,00 DH");
		assertThat(clinic.get("/prestataire/accords?idcs=" + patient).raw()).contains(reference);
		Api.Response missing = form(clinic, "/prestataire/accords", "key", UUID.randomUUID().toString(), "patientIdcs",
				patient, "careType", "SURGERY_OF_THE_SOUL", "expectedStart", today.plusYears(3).toString(), "medicalNote", "");
		assertThat(missing.raw()).contains("Type de soins : à choisir dans la liste", "Début prévu : du",
				"Note médicale : à renseigner", "Lignes : au moins un acte ou un médicament à estimer");
	}

	@Test
	void anEstablishmentListsAllItsPriorApprovalsInEveryStatePageByPageAndNoOtherEstablishmentSeesThem() {
		String patient = fixtures.insured("Khadija");
		java.util.List<String> references = new java.util.ArrayList<>();
		for (int i = 0; i < 22; i++) {
			Api.Response asked = clinic.post("/api/v1/prior-approvals", """
					{"patientIdcs":"%s","establishmentInpe":"%s","careType":"HOSPITAL_STAY","expectedStart":"%s","stayDays":2,
					 "lines":[{"actCode":"APPENDICECTOMIE","billed":2000.00}],"medicalNote":"Appendicite"}"""
				.formatted(patient, fixtures.clinic(), today.plusDays(7)), "Idempotency-Key", UUID.randomUUID().toString());
			assertThat(asked.status()).as(asked.raw()).isEqualTo(201);
			references.add(asked.body().get("reference").asText());
		}
		Api reviewer = ma.amo.support.Users.medicalReviewer(fixtures.administrator());
		decide(reviewer, references.get(0), "{\"decision\":\"REJECTED\",\"reason\":\"Indication non justifiée\"}");
		decide(reviewer, references.get(1), """
				{"decision":"APPROVED","amount":1500.00,"validFrom":"%s","validUntil":"%s"}"""
			.formatted(today, today.plusDays(60)));
		decide(reviewer, references.get(2), "{\"decision\":\"MORE_INFORMATION_REQUESTED\",\"reason\":\"Compte rendu ?\"}");

		String first = clinic.get("/prestataire/accords").raw();
		assertThat(first).contains("22 demande(s), les plus récentes d&#39;abord", "Page 1 sur 2", "Refusé", "Accordé",
				"Complément demandé", "En attente de décision");
		assertThat(rows(first)).isEqualTo(20);
		String second = clinic.get("/prestataire/accords?page=2").raw();
		assertThat(rows(second)).isEqualTo(2);
		assertThat(references).allSatisfy(r -> assertThat(first.contains(">" + r + "<") || second.contains(">" + r + "<")).isTrue());
		assertThat(clinic.get("/prestataire/accords?etat=REJECTED").raw()).contains("1 demande(s)", references.get(0))
			.doesNotContain(references.get(1));
		assertThat(clinic.get("/prestataire/accords?etat=APPROVED").raw()).contains("1 demande(s)", references.get(1));
		assertThat(clinic.get("/prestataire/accords?etat=PENDING").raw()).contains("19 demande(s)")
			.doesNotContain(">" + references.get(2) + "<");

		// Bad filters are explained in French, never a 500; another establishment lists none of them.
		assertThat(clinic.get("/prestataire/accords?etat=DELETED").raw()).contains("État : choisir une des valeurs proposées");
		assertThat(clinic.get("/prestataire/accords?page=0").raw()).contains("Page : un nombre entier de 1 à 1000");
		Api other = PortalFixtures.create(port, imports, directory).clinicAccount();
		String theirs = other.get("/prestataire/accords").raw();
		assertThat(theirs).contains("Aucune demande de votre établissement dans cet état.");
		assertThat(references).noneSatisfy(r -> assertThat(theirs).contains(r));
	}

	private static void decide(Api reviewer, String reference, String body) {
		Api.Response decided = reviewer.post("/api/v1/prior-approvals/" + reference + "/decision", body);
		assertThat(decided.status()).as(decided.raw()).isEqualTo(200);
	}

	private static int rows(String page) {
		String table = page.substring(page.indexOf("<tbody>"), page.indexOf("</tbody>"));
		return table.split("<tr>", -1).length - 1;
	}

	@Test
	void paymentsAreListedWithTheirStatementsAsPdfForTheEstablishmentAndTheMember() {
		String patient = fixtures.insured("Ilham");
		assertThat(form(clinic, "/prestataire/soins", invoice(UUID.randomUUID().toString(), patient, "C", "80")).status())
			.isEqualTo(302);
		Api administrator = fixtures.administrator();
		Payees.account(administrator, "ESTABLISHMENT", fixtures.clinic());
		Api.Response batch = Payees.approvedBatch(administrator, "CNSS", today.toString(), "lot-" + UUID.randomUUID());
		assertThat(batch.status()).as(batch.raw()).isIn(200, 201);
		long batchId = batch.body().get("id").asLong();
		Api.Response payments = clinic.get("/prestataire/paiements");
		assertThat(payments.raw()).contains(batch.body().get("reference").asText(),
				"/prestataire/paiements/" + batchId + "/bordereau.pdf");
		HttpResponse<byte[]> pdf = clinic.download("/prestataire/paiements/" + batchId + "/bordereau.pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(new String(pdf.body(), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");

		Api member = fixtures.memberAccount(patient);
		assertThat(member.get("/assure/paiements").raw()).contains("56,00 DH", "versé le");
		HttpResponse<byte[]> statement = member.download("/assure/paiements/decompte.pdf");
		assertThat(statement.statusCode()).isEqualTo(200);
		assertThat(new String(statement.body(), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
		assertThat(member.get("/assure/paiements?from=2026-06-20&to=2026-06-01").raw()).contains("Du : ");
		assertThat(member.get("/assure/paiements?from=2024-01-01&to=2026-06-01").raw()).contains("Au : une période d&#39;un an au plus");
	}
}
