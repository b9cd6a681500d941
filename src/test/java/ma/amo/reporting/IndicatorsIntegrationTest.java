package ma.amo.reporting;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import ma.amo.claims.ClaimAdjudication;
import ma.amo.population.ImportKind;
import ma.amo.population.ImportMode;
import ma.amo.population.PopulationImports;
import ma.amo.providers.Establishment;
import ma.amo.providers.Profession;
import ma.amo.providers.ProviderDirectory;
import ma.amo.providers.Sector;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Payees;
import ma.amo.support.People;
import ma.amo.support.Registers;
import ma.amo.support.Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Each indicator measured on data the test creates through the platform's API, read before and after: the other tests'
 * records share the database, so the figures are compared as the differences this test's records make. Small counts
 * are hidden at 5 by default: the threshold is set to 1 (nothing hidden) for the measures, and back to 5 after.
 */
@IntegrationTest
class IndicatorsIntegrationTest {

	@Autowired
	PopulationImports imports;

	@Autowired
	ClaimAdjudication adjudication;

	@Autowired
	MessageSource messages;

	@Autowired
	ProviderDirectory directory;

	@Autowired
	IndicatorRefresh refresh;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Api api;
	Establishment hospital;
	String doctor;
	String gp;

	@BeforeEach
	void scene() {
		api = new Api(port);
		smallCount("1");
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

	@AfterEach
	void hideSmallCountsAgain() {
		smallCount("5");
	}

	void smallCount(String value) {
		Api.Response set = api.post("/api/v1/parameters/reporting.small-count",
				"{\"effectiveFrom\":\"2005-09-01\",\"value\":\"%s\"}".formatted(value));
		assertThat(set.status()).as(set.raw()).isIn(200, 201);
	}

	String insured(String regime, String region) {
		String idcs = idcs();
		String line = rnp(idcs, cin(), "El Idrissi", "Salma", LocalDate.of(1979, 6, 12), 'F');
		Registers.persons(imports, region == null ? line : line.replace("Rabat-Salé-Kénitra", region));
		Api.Response enrolled = api.post("/api/v1/enrolments",
				"{\"idcs\":\"%s\",\"regime\":\"%s\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}".formatted(idcs, regime));
		assertThat(enrolled.status()).as(enrolled.raw()).isEqualTo(201);
		Payees.account(api, "MEMBER", idcs);
		return idcs;
	}

	JsonNode claim(String kind, String patient, String careDate, String filedOn, String billed, String status) {
		String provider = kind.equals("PROVIDER_INVOICE")
				? "\"executingInpe\":\"%s\",\"establishmentInpe\":\"%s\"".formatted(doctor, hospital.inpe())
				: "\"executingInpe\":\"%s\"".formatted(gp);
		Api.Response filed = api.post("/api/v1/claims?adjudicate=true", """
				{"kind":"%s","patientIdcs":"%s","careDate":"%s","filedOn":"%s",%s,"lines":[{"actCode":"C","billed":%s}]}"""
			.formatted(kind, patient, careDate, filedOn, provider, billed), "Idempotency-Key", UUID.randomUUID().toString());
		assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
		assertThat(filed.body().get("status").asText()).as(filed.raw()).isEqualTo(status);
		return filed.body();
	}

	/** The indicator's rows by the values of its first {@code keys} columns, read as the administrator. */
	Map<String, JsonNode> rows(String code, String query, int keys) {
		Api.Response read = api.get("/api/v1/indicators/" + code + "?" + query);
		assertThat(read.status()).as(read.raw()).isEqualTo(200);
		Map<String, JsonNode> rows = new HashMap<>();
		for (JsonNode row : read.body().get("rows")) {
			StringBuilder key = new StringBuilder();
			for (int i = 0; i < keys; i++) {
				key.append(i == 0 ? "" : "|").append(row.get(i).asText());
			}
			rows.put(key.toString(), row);
		}
		return rows;
	}

	static BigDecimal number(Map<String, JsonNode> rows, String key, int column) {
		JsonNode row = rows.get(key);
		return row == null || row.get(column).isNull() ? BigDecimal.ZERO : row.get(column).decimalValue();
	}

	static BigDecimal difference(Map<String, JsonNode> after, Map<String, JsonNode> before, String key, int column) {
		return number(after, key, column).subtract(number(before, key, column)).stripTrailingZeros();
	}

	static BigDecimal covered(JsonNode claim) {
		return claim.get("covered").get("amount").decimalValue();
	}

	@Test
	void claimsAreCountedFiledDecidedAndPaidInTheirMonthsWithTheirAmountsCategoriesAndPaymentDelays() {
		assertThat(Payees.approvedBatch(api, "CNSS", "2026-06-15", "lot-" + UUID.randomUUID()).status()).isIn(201, 409);
		refresh.refresh();
		String period = "from=2026-01&to=2026-06&payerBody=CNSS";
		Map<String, JsonNode> claimsBefore = rows("dossiers-par-mois", period, 1);
		Map<String, JsonNode> categoriesBefore = rows("montants-par-categorie", period, 1);
		Map<String, JsonNode> delaysBefore = rows("delais-de-paiement", period, 2);

		String patient = insured("SALARIED_PRIVATE", null);
		// Filed 1 May, paid 15 June: within its 60 days. Filed 1 April, paid 15 June: 15 days late.
		JsonNode inTime = claim("PROVIDER_INVOICE", patient, "2026-04-27", "2026-05-01", "80", "APPROVED");
		JsonNode late = claim("PROVIDER_INVOICE", patient, "2026-03-25", "2026-04-01", "80", "APPROVED");
		JsonNode own = claim("MEMBER_REIMBURSEMENT", patient, "2026-05-04", "2026-05-04", "120", "APPROVED");
		Api.Response batch = Payees.approvedBatch(api, "CNSS", "2026-06-15", "lot-" + UUID.randomUUID());
		assertThat(batch.status()).as(batch.raw()).isEqualTo(201);
		// The batch's day is the day it is paid: the platform's fixed today, as the bank would have executed it.
		jdbc.sql("update payment_batch set created_at = timestamptz '2026-06-15 10:00:00 Africa/Casablanca' where id = ?")
			.param(batch.body().get("id").asLong()).update();
		refresh.refresh();

		Map<String, JsonNode> claims = rows("dossiers-par-mois", period, 1);
		BigDecimal decided = covered(inTime).add(covered(late)).add(covered(own));
		assertThat(difference(claims, claimsBefore, "2026-04", 1)).isEqualByComparingTo("1");
		assertThat(difference(claims, claimsBefore, "2026-04", 2)).isEqualByComparingTo("80");
		assertThat(difference(claims, claimsBefore, "2026-05", 1)).isEqualByComparingTo("2");
		assertThat(difference(claims, claimsBefore, "2026-05", 2)).isEqualByComparingTo("200");
		assertThat(difference(claims, claimsBefore, "2026-06", 3)).isEqualByComparingTo("3");
		assertThat(difference(claims, claimsBefore, "2026-06", 4)).isEqualByComparingTo(decided);
		assertThat(difference(claims, claimsBefore, "2026-06", 5)).isEqualByComparingTo("3");
		assertThat(difference(claims, claimsBefore, "2026-06", 6)).isEqualByComparingTo(decided);

		Map<String, JsonNode> categories = rows("montants-par-categorie", period, 1);
		assertThat(difference(categories, categoriesBefore, "Soins ambulatoires", 1)).isEqualByComparingTo("3");
		assertThat(difference(categories, categoriesBefore, "Soins ambulatoires", 2)).isEqualByComparingTo("280");
		assertThat(difference(categories, categoriesBefore, "Soins ambulatoires", 3)).isEqualByComparingTo(decided);

		Map<String, JsonNode> delays = rows("delais-de-paiement", period, 2);
		assertThat(difference(delays, delaysBefore, "2026-06|Établissements", 2)).isEqualByComparingTo("2");
		assertThat(difference(delays, delaysBefore, "2026-06|Établissements", 3)).isEqualByComparingTo("1");
		assertThat(difference(delays, delaysBefore, "2026-06|Assurés (remboursements)", 2)).isEqualByComparingTo("1");
		// Members' own claims have no legal delay: no count in time, no share.
		assertThat(delays.get("2026-06|Assurés (remboursements)").get(3).isNull()).isTrue();
		assertThat(delays.get("2026-06|Assurés (remboursements)").get(4).isNull()).isTrue();
	}

	@Test
	void aClaimFiledAfterItsDeadlineCountsAmongTheRejectionsUnderItsReason() {
		refresh.refresh();
		String period = "from=2026-06&to=2026-06&payerBody=CNSS";
		Map<String, JsonNode> before = rows("rejets-par-motif", period, 1);
		String patient = insured("SALARIED_PRIVATE", null);
		claim("MEMBER_REIMBURSEMENT", patient, "2026-01-05", "2026-05-04", "150", "REJECTED");
		refresh.refresh();
		Map<String, JsonNode> after = rows("rejets-par-motif", period, 1);
		// The reason in words, as the claims module labels it, with its code.
		String late = after.keySet().stream().filter(k -> k.endsWith(" (LATE_FILING)")).findFirst().orElseThrow();
		assertThat(late).isEqualTo("Dossier déposé après le délai de dépôt (LATE_FILING)");
		assertThat(difference(after, before, late, 1)).isEqualByComparingTo("1");
		assertThat(difference(after, before, late, 2)).isEqualByComparingTo("150");
	}

	@Test
	void theArabicDashboardNamesTheRejectionReasonsInArabicAndTheFrenchOneInFrench() {
		String patient = insured("SALARIED_PRIVATE", null);
		claim("MEMBER_REIMBURSEMENT", patient, "2026-01-05", "2026-05-04", "150", "REJECTED");
		refresh.refresh();
		String filter = "/indicateurs?du=2026-06&au=2026-06&organisme=CNSS";
		String arabic = Users.as(new Api(port), "REGULATOR", null, null, null).get(filter + "&lang=ar").raw();
		assertThat(arabic).contains("ملف مودع بعد أجل الإيداع (LATE_FILING)")
			.doesNotContain("Dossier déposé après le délai de dépôt");
		String french = Users.as(new Api(port), "REGULATOR", null, null, null).get(filter).raw();
		assertThat(french).contains("Dossier déposé après le délai de dépôt (LATE_FILING)");
		// Every reason a rule can decide on has its Arabic words: none falls back to French on the Arabic dashboard.
		Locale ar = Locale.forLanguageTag("ar");
		assertThat(adjudication.reasonCodes()).allSatisfy(reason -> assertThat(
				messages.getMessage("reporting.code.claimReason." + reason.code(), null, null, ar))
			.as(reason.code()).isNotBlank().isNotEqualTo(reason.label()));
	}

	@Test
	void beneficiariesAreCountedByRegimeAndRegionAndSmallCountsAreHidden() {
		String region = "Région d'essai " + UUID.randomUUID().toString().substring(0, 8);
		insured("SALARIED_PRIVATE", region);
		insured("SALARIED_PRIVATE", region);
		insured("PUBLIC_SECTOR", region);
		refresh.refresh();
		Map<String, JsonNode> all = rows("beneficiaires", "", 2);
		assertThat(number(all, "Salariés du secteur privé|" + region, 2)).isEqualByComparingTo("2");
		assertThat(number(all, "Secteur public|" + region, 4)).isEqualByComparingTo("1");
		Map<String, JsonNode> cnops = rows("beneficiaires", "payerBody=CNOPS", 2);
		assertThat(cnops).containsKey("Secteur public|" + region).doesNotContainKey("Salariés du secteur privé|" + region);

		smallCount("5");
		Api.Response hidden = api.get("/api/v1/indicators/beneficiaires");
		JsonNode row = rows("beneficiaires", "", 2).get("Salariés du secteur privé|" + region);
		assertThat(row.get(2).isNull()).as(hidden.raw()).isTrue();
		assertThat(row.get(4).isNull()).isTrue();
		assertThat(hidden.body().get("smallCount").asInt()).isEqualTo(5);
		assertThat(hidden.body().get("definition").asText()).contains("moins de 5 masqués");
	}

	@Test
	void tadamonRegistrationsAndTheirRejectionsAreCountedByMonthAndReason() {
		refresh.refresh();
		String period = "from=2025-01&to=2025-12";
		Map<String, JsonNode> before = rows("inscriptions-tadamon-achamil", period, 1);
		Map<String, JsonNode> reasonsBefore = rows("rejets-tadamon", period, 1);
		String head = idcs();
		Registers.persons(imports, rnp(head, cin(), "Amrani", "Hassan", LocalDate.of(1970, 1, 1), 'M'));
		String household = "TAD-" + head;
		Registers.load(imports, ImportKind.RSU, ImportMode.ALL_OR_NOTHING, "household_id,idcs,score,score_date",
				List.of(household + "," + head + ",8.95,2024-01-10"));
		assertThat(api.post("/api/v1/tadamon/registrations", "{\"householdId\":\"%s\",\"date\":\"2025-03-01\"}"
			.formatted(household)).body().get("outcome").asText()).isEqualTo("REGISTERED");
		assertThat(api.post("/api/v1/tadamon/registrations", "{\"householdId\":\"NOPE-%s\",\"date\":\"2025-03-02\"}"
			.formatted(head)).body().get("rejection").asText()).isEqualTo("NOT_IN_RSU");
		refresh.refresh();
		Map<String, JsonNode> after = rows("inscriptions-tadamon-achamil", period, 1);
		assertThat(difference(after, before, "2025-03", 1)).isEqualByComparingTo("1");
		assertThat(difference(after, before, "2025-03", 2)).isEqualByComparingTo("1");
		assertThat(difference(rows("rejets-tadamon", period, 1), reasonsBefore, "Absent du RSU", 1)).isEqualByComparingTo("1");
	}

	@Test
	void complaintsAndPriorApprovalsAreMeasuredAgainstTheirLegalClocks() {
		refresh.refresh();
		String period = "from=2026-04&to=2026-04";
		Map<String, JsonNode> complaintsBefore = rows("reclamations-dans-les-delais", period, 1);
		Map<String, JsonNode> approvalsBefore = rows("accords-prealables-dans-les-delais", period, 1);
		// Rows as the complaints and approvals modules store them, with their due dates already computed.
		for (String answered : new String[] { "2026-04-10", "2026-04-30", null }) {
			jdbc.sql("""
					insert into complaint (complainant_kind, complainant_id, filed_by, idempotency_key, request_hash, category,
					  subject, description, status, filed_on, acknowledgement_due, answer_due, answered_on)
					values ('INSURED', :who, 'assure', :key, 'h', 'REFUSAL', 'Objet', 'Description', :status, '2026-02-19', '2026-03-06',
					  '2026-04-20', cast(:answered as date))""")
				.param("who", People.idcs()).param("key", UUID.randomUUID().toString()).param("answered", answered)
				.param("status", answered == null ? "ACKNOWLEDGED" : "ANSWERED").update();
		}
		for (String decided : new String[] { "2026-04-06 09:00", "2026-04-08 16:00" }) {
			jdbc.sql("""
					insert into prior_approval (reference, filed_by, idempotency_key, request_hash, establishment_inpe,
					  patient_idcs, care_type, expected_start, lines, attachments, medical_note, payer_body, pre_check, status,
					  received_at, due_at, decided_by, decided_at)
					values (:reference, 'etablissement', :key, 'h', :inpe, :patient, 'HOSPITAL_STAY', '2026-04-20', '[]', '[]',
					  'chiffré', 'CNSS', '{}', 'APPROVED', '2026-04-03 10:00', '2026-04-07 10:00', 'medecin', cast(:decided as timestamp))""")
				.param("reference", "TEST-" + UUID.randomUUID()).param("key", UUID.randomUUID().toString())
				.param("inpe", hospital.inpe()).param("patient", People.idcs()).param("decided", decided).update();
		}
		refresh.refresh();
		Map<String, JsonNode> complaints = rows("reclamations-dans-les-delais", period, 1);
		assertThat(difference(complaints, complaintsBefore, "2026-04", 1)).isEqualByComparingTo("3");
		assertThat(difference(complaints, complaintsBefore, "2026-04", 2)).isEqualByComparingTo("1");
		Map<String, JsonNode> approvals = rows("accords-prealables-dans-les-delais", period + "&payerBody=CNSS", 1);
		assertThat(difference(approvals, approvalsBefore, "2026-04", 1)).isEqualByComparingTo("2");
		assertThat(difference(approvals, approvalsBefore, "2026-04", 2)).isEqualByComparingTo("1");
	}

	@Test
	void anAgentReadsOnlyTheirPayerBodysFiguresAndTheRegulatorReadsBoth() {
		Api agent = Users.as(api, "PAYER_AGENT", "CNOPS", null, null);
		Api.Response own = agent.get("/api/v1/indicators/dossiers-par-mois");
		assertThat(own.status()).as(own.raw()).isEqualTo(200);
		assertThat(own.body().get("payerBody").asText()).isEqualTo("CNOPS");
		assertThat(agent.get("/api/v1/indicators/dossiers-par-mois?payerBody=CNSS").status()).isEqualTo(403);
		assertThat(agent.get("/indicateurs/dossiers-par-mois.csv?organisme=CNSS").status()).isEqualTo(403);
		Api regulator = Users.as(api, "REGULATOR", null, null, null);
		Api.Response both = regulator.get("/api/v1/indicators/dossiers-par-mois");
		assertThat(both.status()).isEqualTo(200);
		assertThat(both.body().has("payerBody")).isFalse();
		assertThat(regulator.get("/api/v1/indicators").body().size()).isEqualTo(Indicator.values().length);
		Api provider = Users.as(api, "PROVIDER", null, hospital.inpe(), null);
		assertThat(provider.get("/api/v1/indicators").status()).isEqualTo(403);
	}

	@Test
	void badFiltersAreRefusedNamingTheFieldAndTheRule() {
		Api.Response month = api.get("/api/v1/indicators/dossiers-par-mois?from=2026-13");
		assertThat(month.status()).isEqualTo(400);
		assertThat(month.raw()).contains("\"field\":\"from\"").contains("\"rule\":\"month\"");
		Api.Response backwards = api.get("/api/v1/indicators/dossiers-par-mois?from=2026-06&to=2026-01");
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.raw()).contains("from-before-to");
		Api.Response tooLong = api.get("/api/v1/indicators/dossiers-par-mois?from=2010-01&to=2026-01");
		assertThat(tooLong.raw()).contains("\"field\":\"to\"").contains("max-range");
		Api.Response body = api.get("/api/v1/indicators/dossiers-par-mois?payerBody=RAMED");
		assertThat(body.status()).isEqualTo(400);
		assertThat(body.raw()).contains("\"field\":\"payerBody\"");
		assertThat(api.get("/api/v1/indicators/inconnu").status()).isEqualTo(404);
		assertThat(api.get("/indicateurs/inconnu.csv").status()).isEqualTo(404);
		assertThat(api.get("/indicateurs/dossiers-par-mois.csv?du=%27%3B--").status()).isEqualTo(400);
	}

	@Test
	void eachIndicatorDownloadsAsAnOpenDataCsvWithItsHeadingRowAndNoPersonalData() {
		String patient = insured("SALARIED_PRIVATE", null);
		claim("MEMBER_REIMBURSEMENT", patient, "2026-05-04", "2026-05-04", "80", "APPROVED");
		refresh.refresh();
		for (Indicator indicator : Indicator.values()) {
			var download = api.download("/indicateurs/" + indicator.code() + ".csv?du=2026-01&au=2026-06");
			assertThat(download.statusCode()).isEqualTo(200);
			assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
			assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
				.contains(indicator.code() + (indicator.monthly() ? "_2026-01_2026-06.csv" : ".csv"));
			String csv = new String(download.body(), StandardCharsets.UTF_8);
			assertThat(csv).startsWith("\uFEFF").doesNotContain(patient);
			assertThat(csv.lines().count()).isGreaterThanOrEqualTo(1);
		}
		String claims = new String(api.download("/indicateurs/dossiers-par-mois.csv?du=2026-05&au=2026-05").body(),
				StandardCharsets.UTF_8);
		assertThat(claims.lines().findFirst().orElseThrow()).isEqualTo(
				"\uFEFFMois;Déposés;Montant facturé (DH);Décidés;Montant pris en charge (DH);Payés;Montant payé (DH)");
		assertThat(claims.lines().skip(1).findFirst().orElseThrow()).startsWith("2026-05;");
	}
}
