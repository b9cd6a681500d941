package ma.amo.claims;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import ma.amo.population.PopulationImports;
import ma.amo.providers.Establishment;
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
 * Claims end to end through the API. Amounts are computed by hand from amo-rules.md and the 2006 reference tariff:
 * CNSS regimes cover 70 % of min(billed, base); C = 80 DH, Cs = 150 DH, K = 22.50 DH. The review sample is 0 % for
 * care from 2024, except 100 % on 1 March 2024, set through the parameters like an administrator would (claims are
 * never dated after today, so the sampled day is in the past).
 */
@IntegrationTest
class ClaimAdjudicationIntegrationTest {

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void client() {
		api = new Api(port);
		// Before 2025 too: the 5 % drawn from the claim's id would depend on how many claims other tests stored first.
		// Every claim of 1 March 2024 is drawn, for the review tests.
		api.post("/api/v1/parameters/claims.review.sample-percent", "{\"effectiveFrom\":\"2005-09-01\",\"value\":\"0\"}");
		api.post("/api/v1/parameters/claims.review.sample-percent", "{\"effectiveFrom\":\"2024-03-01\",\"value\":\"100\"}");
		api.post("/api/v1/parameters/claims.review.sample-percent", "{\"effectiveFrom\":\"2024-03-02\",\"value\":\"0\"}");
		api.post("/api/v1/parameters/claims.review.sample-percent", "{\"effectiveFrom\":\"2025-01-01\",\"value\":\"0\"}");
	}

	String person(LocalDate birth) {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, birth.isBefore(LocalDate.of(2007, 1, 1)) ? cin() : null, "Tazi", "Nadia",
				birth, 'F'));
		return idcs;
	}

	/** A person covered from 2024 (no waiting: a job change from another regime). */
	String insured(String regime) {
		String idcs = person(LocalDate.of(1985, 6, 1));
		assertThat(api.post("/api/v1/enrolments", "{\"idcs\":\"%s\",\"regime\":\"%s\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}"
			.formatted(idcs, regime)).status()).isEqualTo(201);
		return idcs;
	}

	String doctor(Profession profession, String specialty) {
		return directory.register(new ProviderDirectory.NewProfessional("Berrada", "Youssef", profession, specialty,
				"Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"), LocalDate.of(2020, 1, 1)).inpe();
	}

	String clinic() {
		return directory.register(new ProviderDirectory.NewEstablishment("Clinique Agdal " + UUID.randomUUID(), "CLINIC",
				Sector.PRIVATE, "Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"), LocalDate.of(2020, 1, 1)).provider().inpe();
	}

	JsonNode submit(String body) {
		Api.Response response = api.post("/api/v1/claims?adjudicate=true", body, "Idempotency-Key",
				UUID.randomUUID().toString());
		assertThat(response.status()).as(response.raw()).isEqualTo(201);
		return response.body();
	}

	static String sheet(String patient, String careDate, String filedOn, String executing, String lines) {
		return """
				{"kind":"MEMBER_REIMBURSEMENT","patientIdcs":"%s","careDate":"%s","filedOn":"%s","executingInpe":"%s",
				 "lines":[%s]}""".formatted(patient, careDate, filedOn, executing, lines);
	}

	static String act(String code, String billed) {
		return "{\"actCode\":\"%s\",\"billed\":%s}".formatted(code, billed);
	}

	static JsonNode line(JsonNode claim, int i) {
		return claim.get("lines").get(i);
	}

	static java.math.BigDecimal amount(JsonNode money) {
		return money.get("amount").decimalValue();
	}

	@Test
	void aGpConsultationForASalariedMemberIsCoveredAtSeventyPercentOfTheTariff() {
		// C, TNR 80 DH, billed 80 in the private sector: covered 80 × 70 % = 56.00, patient share 24.00.
		JsonNode claim = submit(sheet(insured("SALARIED_PRIVATE"), "2025-03-10", "2025-03-20",
				doctor(Profession.GENERAL_PRACTITIONER, null), act("C", "80")));
		assertThat(claim.get("status").asText()).isEqualTo("APPROVED");
		JsonNode line = line(claim, 0);
		assertThat(line.get("outcome").asText()).isEqualTo("ACCEPTED");
		assertThat(amount(line.get("base"))).isEqualByComparingTo("80.00");
		assertThat(line.get("ratePercent").asInt()).isEqualTo(70);
		assertThat(amount(line.get("covered"))).isEqualByComparingTo("56.00");
		assertThat(amount(line.get("patientShare"))).isEqualByComparingTo("24.00");
		assertThat(amount(claim.get("covered"))).isEqualByComparingTo("56.00");
	}

	@Test
	void aLineBilledAboveTheTariffIsAcceptedOnTheBaseAndThePatientPaysTheDifference() {
		// Cs billed 300, base 150: covered 150 × 70 % = 105.00, patient share 300 − 105 = 195.00 (of which the 150.00
		// above the tariff); with a referral. Reimbursing on the tariff is the rule, not a cut: the line is accepted.
		String body = sheet(insured("SALARIED_PRIVATE"), "2025-03-11", "2025-03-20",
				doctor(Profession.SPECIALIST, "Cardiologie"), act("Cs", "300")).replace("\"lines\"", "\"referral\":true,\"lines\"");
		JsonNode claim = submit(body);
		assertThat(claim.get("status").asText()).isEqualTo("APPROVED");
		assertThat(line(claim, 0).get("outcome").asText()).isEqualTo("ACCEPTED");
		assertThat(amount(line(claim, 0).get("covered"))).isEqualByComparingTo("105.00");
		assertThat(amount(line(claim, 0).get("patientShare"))).isEqualByComparingTo("195.00");
		assertThat(line(claim, 0).get("reasons").toString())
			.contains("BILLED_ABOVE_BASE: remboursement sur la base 150.00 DH")
			.contains("dépassement de 150.00 DH reste à la charge du patient");
	}

	@Test
	void aCeilingOrAPenaltyThatCutsWhatTheTariffWouldCoverReducesTheLine() {
		// A penalty of 20 % outside the care pathway in August 2024 (a parameter set for the test): Cs 150 × 70 % = 105.00,
		// less 20 % = 84.00 covered; the line is reduced and the claim partially approved.
		api.post("/api/v1/parameters/claims.care-pathway.penalty-percent", "{\"effectiveFrom\":\"2024-08-01\",\"value\":\"20\"}");
		api.post("/api/v1/parameters/claims.care-pathway.penalty-percent", "{\"effectiveFrom\":\"2024-09-01\",\"value\":\"0\"}");
		JsonNode claim = submit(sheet(insured("SALARIED_PRIVATE"), "2024-08-12", "2024-08-20",
				doctor(Profession.SPECIALIST, "Dermatologie"), act("Cs", "150")));
		assertThat(claim.get("status").asText()).isEqualTo("PARTIALLY_APPROVED");
		assertThat(line(claim, 0).get("outcome").asText()).isEqualTo("REDUCED");
		assertThat(amount(line(claim, 0).get("covered"))).isEqualByComparingTo("84.00");
		assertThat(amount(line(claim, 0).get("patientShare"))).isEqualByComparingTo("66.00");
		assertThat(line(claim, 0).get("reasons").toString()).contains("CARE_PATHWAY_BREACH");
	}

	@Test
	void aClaimFiledOnTheSixtiethDayIsExaminedAndOnTheSixtyFirstRejected() {
		String gp = doctor(Profession.GENERAL_PRACTITIONER, null);
		// Care on 10 March 2025: day 60 is 9 May, day 61 is 10 May.
		assertThat(submit(sheet(insured("SALARIED_PRIVATE"), "2025-03-10", "2025-05-09", gp, act("C", "80")))
			.get("status").asText()).isEqualTo("APPROVED");
		JsonNode late = submit(sheet(insured("SALARIED_PRIVATE"), "2025-03-10", "2025-05-10", gp, act("C", "80")));
		assertThat(late.get("status").asText()).isEqualTo("REJECTED");
		assertThat(line(late, 0).get("reasons").get(0).asText()).startsWith("LATE_FILING: déposé 61 jours");
		assertThat(amount(late.get("covered"))).isEqualByComparingTo("0.00");
	}

	@Test
	void aPatientWithoutOpenRightsOnTheCareDateIsCoveredForNothing() {
		JsonNode claim = submit(sheet(person(LocalDate.of(1990, 1, 1)), "2025-03-10", "2025-03-12",
				doctor(Profession.GENERAL_PRACTITIONER, null), act("C", "80")));
		assertThat(claim.get("status").asText()).isEqualTo("REJECTED");
		assertThat(line(claim, 0).get("reasons").get(0).asText()).startsWith("RIGHTS_NOT_OPEN: droits fermés");
	}

	@Test
	void aSecondConsultationTheSameDayWithTheSameDoctorIsRejectedAndTheSameOneSentTwiceIsADuplicate() {
		String patient = insured("SALARIED_PRIVATE");
		String gp = doctor(Profession.GENERAL_PRACTITIONER, null);
		assertThat(submit(sheet(patient, "2025-04-02", "2025-04-03", gp, act("C", "80"))).get("status").asText())
			.isEqualTo("APPROVED");
		JsonNode again = submit(sheet(patient, "2025-04-02", "2025-04-04", gp, act("C", "80")));
		assertThat(again.get("status").asText()).isEqualTo("REJECTED");
		assertThat(line(again, 0).get("reasons").toString()).contains("DUPLICATE: C du 02/04/2025 déjà pris en charge")
			.doesNotContain("SECOND_CONSULTATION_SAME_DAY");
		// A visit the same day is another act, but a second consultation of the day.
		JsonNode second = submit(sheet(patient, "2025-04-02", "2025-04-04", gp, act("V", "120")));
		assertThat(second.get("status").asText()).isEqualTo("REJECTED");
		assertThat(line(second, 0).get("reasons").toString()).contains("SECOND_CONSULTATION_SAME_DAY: une consultation a déjà été prise en charge");
		// The next day is another consultation.
		assertThat(submit(sheet(patient, "2025-04-03", "2025-04-04", gp, act("C", "80"))).get("status").asText())
			.isEqualTo("APPROVED");
	}

	@Test
	void aZThirtyAfterAZFifteenTheSameDayIsAnotherActAndBothAreCovered() {
		String patient = insured("SALARIED_PRIVATE");
		String radiologist = doctor(Profession.RADIOLOGIST, null);
		String z15 = "{\"actCode\":\"Z\",\"coefficient\":15,\"billed\":150}";
		String z30 = "{\"actCode\":\"Z\",\"coefficient\":30,\"billed\":300}";
		// Z 15: 15 × 10 = 150.00 base, 70 % = 105.00 covered.
		assertThat(amount(line(submit(sheet(patient, "2025-04-07", "2025-04-08", radiologist, z15)), 0).get("covered")))
			.isEqualByComparingTo("105.00");
		// Z 30 the same day: 30 × 10 = 300.00 base, 70 % = 210.00 covered; not the same act.
		JsonNode other = submit(sheet(patient, "2025-04-07", "2025-04-09", radiologist, z30));
		assertThat(other.get("status").asText()).isEqualTo("APPROVED");
		assertThat(amount(line(other, 0).get("covered"))).isEqualByComparingTo("210.00");
		// Z 15 again (written 15.00) is the same act: a duplicate.
		JsonNode again = submit(sheet(patient, "2025-04-07", "2025-04-10", radiologist, z15.replace("15,", "15.00,")));
		assertThat(line(again, 0).get("outcome").asText()).isEqualTo("REJECTED");
		assertThat(line(again, 0).get("reasons").toString()).contains("DUPLICATE: Z 15 du 07/04/2025 déjà pris en charge");
	}

	@Test
	void twoIdenticalLinesInOneClaimCoverTheActOnce() {
		String radiologist = doctor(Profession.RADIOLOGIST, null);
		String z15 = "{\"actCode\":\"Z\",\"coefficient\":15,\"billed\":150}";
		JsonNode claim = submit(sheet(insured("SALARIED_PRIVATE"), "2025-04-08", "2025-04-09", radiologist, z15 + "," + z15));
		// The first line: 15 × 10 × 70 % = 105.00; the second is the same act: nothing more. Claim total 105.00.
		assertThat(claim.get("status").asText()).isEqualTo("PARTIALLY_APPROVED");
		assertThat(line(claim, 0).get("outcome").asText()).isEqualTo("ACCEPTED");
		assertThat(line(claim, 1).get("outcome").asText()).isEqualTo("REJECTED");
		assertThat(line(claim, 1).get("reasons").toString()).contains("DUPLICATE: Z 15 du 08/04/2025 déjà facturé à la ligne");
		assertThat(amount(claim.get("covered"))).isEqualByComparingTo("105.00");
	}

	@Test
	void aSpecialistSeenWithoutReferralIsRecordedAsAPathwayBreachWithoutPenaltyByDefault() {
		JsonNode claim = submit(sheet(insured("SALARIED_PRIVATE"), "2025-03-12", "2025-03-20",
				doctor(Profession.SPECIALIST, "Dermatologie"), act("Cs", "150")));
		// Cs 150 × 70 % = 105.00: the default penalty is 0 %.
		assertThat(amount(line(claim, 0).get("covered"))).isEqualByComparingTo("105.00");
		assertThat(line(claim, 0).get("reasons").toString()).contains("CARE_PATHWAY_BREACH");
		// A child of 12 sees a paediatrician directly.
		String child = person(LocalDate.of(2013, 1, 1));
		String mother = insured("SALARIED_PRIVATE");
		String number = api.get("/api/v1/eligibility?idcs=" + mother + "&date=2025-03-12").body()
			.get("memberRegistrationNumber").asText();
		assertThat(api.post("/api/v1/members/" + number + "/dependants",
				"{\"idcs\":\"%s\",\"relation\":\"CHILD\",\"startDate\":\"2024-01-01\"}".formatted(child)).status())
			.isEqualTo(201);
		JsonNode paediatrics = submit(sheet(child, "2025-03-12", "2025-03-20", doctor(Profession.SPECIALIST, "Pédiatrie"),
				act("Cs", "150")));
		assertThat(line(paediatrics, 0).get("reasons").toString()).doesNotContain("CARE_PATHWAY_BREACH");
	}

	@Test
	void aProviderInvoiceNeedsAConventionAndAnApprovalForCareThatRequiresOne() {
		String patient = insured("SALARIED_PRIVATE");
		String surgeon = doctor(Profession.SPECIALIST, "Chirurgie générale");
		String clinic = clinic();
		String invoice = """
				{"kind":"PROVIDER_INVOICE","patientIdcs":"%s","careDate":"2025-05-05","filedOn":"2025-05-20",
				 "executingInpe":"%s","establishmentInpe":"%s","lines":[%s]}""";
		JsonNode outside = submit(invoice.formatted(patient, surgeon, clinic, act("APPENDICECTOMIE", "2500")));
		assertThat(line(outside, 0).get("reasons").get(0).asText()).startsWith("PROVIDER_NOT_ELIGIBLE")
			.contains("non conventionné");
		directory.convention(clinic, "CNSS", LocalDate.of(2025, 1, 1), null);
		JsonNode unapproved = submit(invoice.formatted(insured("SALARIED_PRIVATE"), surgeon, clinic,
				act("APPENDICECTOMIE", "2500")));
		assertThat(line(unapproved, 0).get("outcome").asText()).isEqualTo("REJECTED");
		assertThat(line(unapproved, 0).get("reasons").toString()).contains("PRIOR_APPROVAL_MISSING");
		// K 70 × 22.50 = 1,575.00 base; 70 % = 1,102.50 covered; billed 2,500: 1,397.50 left to the patient.
		JsonNode approved = submit(invoice.formatted(insured("SALARIED_PRIVATE"), surgeon, clinic,
				act("APPENDICECTOMIE", "2500")).replace("\"lines\"", "\"priorApproval\":\"PEC-2025-000123\",\"lines\""));
		assertThat(line(approved, 0).get("outcome").asText()).isEqualTo("ACCEPTED");
		assertThat(amount(line(approved, 0).get("covered"))).isEqualByComparingTo("1102.50");
		assertThat(amount(line(approved, 0).get("patientShare"))).isEqualByComparingTo("1397.50");
	}

	@Test
	void aCnopsInvoiceForKSeventyIsPaidAsTheAppendicectomyItIs() {
		String clinic = clinic();
		directory.convention(clinic, "CNOPS", LocalDate.of(2025, 1, 1), null);
		JsonNode claim = submit("""
				{"kind":"PROVIDER_INVOICE","patientIdcs":"%s","careDate":"2025-05-06","filedOn":"2025-05-20",
				 "executingInpe":"%s","establishmentInpe":"%s","priorApproval":"PEC-2025-000124",
				 "lines":[{"actCode":"K","coefficient":70,"billed":1575}]}""".formatted(insured("PUBLIC_SECTOR"),
				doctor(Profession.SPECIALIST, "Chirurgie générale"), clinic));
		// K 70 = APPENDICECTOMIE: 22.50 × 70 = 1,575.00, CNOPS hospitalisation in a clinic 90 % = 1,417.50 (not the
		// ambulatory 80 %, 1,260.00); the patient pays 157.50.
		assertThat(line(claim, 0).get("outcome").asText()).isEqualTo("ACCEPTED");
		assertThat(amount(line(claim, 0).get("covered"))).isEqualByComparingTo("1417.50");
		assertThat(amount(line(claim, 0).get("patientShare"))).isEqualByComparingTo("157.50");
		assertThat(line(claim, 0).get("reasons").toString()).contains("NAMED_ACT: K 70 est l'acte APPENDICECTOMIE");
	}

	@Test
	void dentalProsthesesAreCoveredUpToTheCeilingOverTwentyFourMonths() {
		String patient = insured("SALARIED_PRIVATE");
		String dentist = doctor(Profession.DENTIST, null);
		String prosthesis = "{\"actCode\":\"DP\",\"coefficient\":200,\"billed\":2500}";
		// DP 12.50 × 200 = 2,500 base; 70 % = 1,750.00 covered.
		JsonNode first = submit(sheet(patient, "2024-01-15", "2024-01-20", dentist, prosthesis));
		assertThat(amount(line(first, 0).get("covered"))).isEqualByComparingTo("1750.00");
		// Eleven months later: 3,000 − 1,750 = 1,250.00 left under the ceiling; the patient pays 1,250.00.
		JsonNode second = submit(sheet(patient, "2024-12-15", "2024-12-20", dentist, prosthesis));
		assertThat(line(second, 0).get("outcome").asText()).isEqualTo("REDUCED");
		assertThat(second.get("status").asText()).isEqualTo("PARTIALLY_APPROVED");
		assertThat(amount(line(second, 0).get("covered"))).isEqualByComparingTo("1250.00");
		assertThat(amount(line(second, 0).get("patientShare"))).isEqualByComparingTo("1250.00");
		assertThat(line(second, 0).get("reasons").toString()).contains("CEILING_REACHED");
		// On 16 January 2026 the first prosthesis is more than 24 months old: 3,000 − 1,250 = 1,750 left again.
		JsonNode third = submit(sheet(patient, "2026-01-16", "2026-01-20", dentist, prosthesis));
		assertThat(amount(line(third, 0).get("covered"))).isEqualByComparingTo("1750.00");
	}

	@Test
	void aChildOfTwelveIsCoveredForCareTheRegimeLeavesOutForAdultsUntilTheThirteenthBirthday() {
		// January 2007 only: the salaried regime leaves ambulatory care out for adults (a parameter set for the test).
		api.post("/api/v1/parameters/claims.adult-cover.excluded-categories",
				"{\"effectiveFrom\":\"2007-01-01\",\"value\":\"SALARIED_PRIVATE:AMBULATORY\"}");
		api.post("/api/v1/parameters/claims.adult-cover.excluded-categories", "{\"effectiveFrom\":\"2007-02-01\",\"value\":\"NONE\"}");
		String parent = person(LocalDate.of(1970, 5, 5));
		String twelve = person(LocalDate.of(1994, 1, 16));
		String thirteen = person(LocalDate.of(1994, 1, 15));
		String number = api.post("/api/v1/enrolments", "{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"2006-10-01\",\"waitingWaived\":true}"
			.formatted(parent)).body().get("member").get("registrationNumber").asText();
		for (String child : java.util.List.of(twelve, thirteen)) {
			assertThat(api.post("/api/v1/members/" + number + "/dependants",
					"{\"idcs\":\"%s\",\"relation\":\"CHILD\",\"startDate\":\"2006-10-01\"}".formatted(child)).status())
				.isEqualTo(201);
		}
		String gp = directory.register(new ProviderDirectory.NewProfessional("Idrissi", "Amal", Profession.GENERAL_PRACTITIONER,
				null, "Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"), LocalDate.of(2006, 1, 1)).inpe();
		// 15 January 2007: born 16 January 1994, the child is 12 (13 tomorrow): C 80 × 70 % = 56.00 covered.
		JsonNode child = submit(sheet(twelve, "2007-01-15", "2007-01-20", gp, act("C", "80")));
		assertThat(amount(line(child, 0).get("covered"))).isEqualByComparingTo("56.00");
		assertThat(line(child, 0).get("reasons").toString()).contains("ADULT_BASKET_EXCLUSION: enfant de 12 ans");
		// Born a day earlier, 13 that day: left out like an adult.
		JsonNode older = submit(sheet(thirteen, "2007-01-15", "2007-01-20", gp, act("C", "80")));
		assertThat(line(older, 0).get("outcome").asText()).isEqualTo("REJECTED");
		assertThat(line(older, 0).get("reasons").toString())
			.contains("ADULT_BASKET_EXCLUSION: soins ambulatoires non couverts pour un adulte de 13 ans");
		assertThat(submit(sheet(parent, "2007-01-15", "2007-01-20", gp, act("C", "80"))).get("status").asText())
			.isEqualTo("REJECTED");
		// From February the regime covers ambulatory care for adults too.
		assertThat(submit(sheet(parent, "2007-02-15", "2007-02-20", gp, act("C", "80"))).get("status").asText())
			.isEqualTo("APPROVED");
	}

	@Test
	void anAldExemptionGivesItsRateUntilItsLastDayAndOnlyForItsPatientAndCondition() {
		String patient = insured("SALARIED_PRIVATE");
		Api reviewer = ma.amo.support.Users.medicalReviewer(api);
		String number = reviewer.post("/api/v1/ald-exemptions", "{\"idcs\":\"%s\",\"conditionCode\":5,\"validFrom\":\"2020-03-01\"}"
			.formatted(patient)).body().get("number").asText();
		String gp = doctor(Profession.GENERAL_PRACTITIONER, null);
		String ald = "\"aldCode\":5,\"exemptionNumber\":\"%s\",\"lines\"";
		// 28 February 2025, the exemption's last day: C 80 × 90 % = 72.00.
		JsonNode lastDay = submit(sheet(patient, "2025-02-28", "2025-03-05", gp, act("C", "80"))
			.replace("\"lines\"", ald.formatted(number)));
		assertThat(amount(line(lastDay, 0).get("covered"))).isEqualByComparingTo("72.00");
		assertThat(line(lastDay, 0).get("reasons").toString()).contains("ALD_EXEMPTION: exonération valide").doesNotContain(number);
		// Reading the claim is a read of medical data: it leaves an audit entry naming the claim and the purpose.
		api.get("/api/v1/claims/" + lastDay.get("id").asLong());
		trail.flush();
		assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'CLAIM' and record_id = ? and action = 'READ' and purpose = 'CLAIM_PROCESSING'")
			.param(lastDay.get("id").asText()).query(Long.class).single()).isEqualTo(1);
		// The condition and the exemption number are encrypted at rest, and read back in clear.
		assertThat(reviewer.get("/api/v1/claims/" + lastDay.get("id").asLong()).body().get("aldCode").asInt()).isEqualTo(5);
		// Diagnoses are for the medical reviewers only: the administrator's answer leaves them out.
		assertThat(api.get("/api/v1/claims/" + lastDay.get("id").asLong()).body().get("aldCode")).isNull();
		assertThat(jdbc.sql("select ald_code || ' ' || exemption_number from claim where id = ?")
			.param(lastDay.get("id").asLong()).query(String.class).single()).doesNotContain(number).startsWith("enc:");
		// 1 March 2025, the day after: the normal rate, 80 × 70 % = 56.00, and why.
		JsonNode dayAfter = submit(sheet(patient, "2025-03-01", "2025-03-05", gp, act("C", "80"))
			.replace("\"lines\"", ald.formatted(number)));
		assertThat(amount(line(dayAfter, 0).get("covered"))).isEqualByComparingTo("56.00");
		assertThat(line(dayAfter, 0).get("reasons").toString())
			.contains("ALD_NOT_RECOGNISED: exonération non valide au 01/03/2025 (du 01/03/2020 au 28/02/2025)");
		// Another patient citing the number, or the same patient for another condition: the normal rate.
		JsonNode stranger = submit(sheet(insured("SALARIED_PRIVATE"), "2024-06-03", "2024-06-05", gp, act("C", "80"))
			.replace("\"lines\"", ald.formatted(number)));
		assertThat(line(stranger, 0).get("reasons").toString()).contains("inconnue pour ce patient");
		JsonNode otherCondition = submit(sheet(patient, "2024-06-04", "2024-06-05", gp, act("C", "80"))
			.replace("\"lines\"", ald.formatted(number).replace("\"aldCode\":5", "\"aldCode\":6")));
		assertThat(amount(line(otherCondition, 0).get("covered"))).isEqualByComparingTo("56.00");
		assertThat(line(otherCondition, 0).get("reasons").toString()).contains("accordée pour une autre affection");
	}

	@Test
	void aldCareStaysCoveredWhenASalariedMembersRightsAreSuspendedForUnpaidEmployerContributions() {
		String patient = person(LocalDate.of(1975, 4, 4));
		JsonNode member = api.post("/api/v1/enrolments", "{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}"
			.formatted(patient)).body();
		long enrolment = member.get("enrolments").get(0).get("id").asLong();
		assertThat(api.post("/api/v1/enrolments/" + enrolment + "/suspensions",
				"{\"startDate\":\"2025-02-01\",\"reason\":\"Cotisations patronales impayées depuis novembre\"}").status())
			.isEqualTo(201);
		String number = ma.amo.support.Users.medicalReviewer(api).post("/api/v1/ald-exemptions",
				"{\"idcs\":\"%s\",\"conditionCode\":9,\"validFrom\":\"2024-06-01\",\"grantedBy\":\"dr.conseil\"}"
					.formatted(patient)).body().get("number").asText();
		String gp = doctor(Profession.GENERAL_PRACTITIONER, null);
		// Care for the exempted condition on 10 March 2025, rights suspended: still covered, C 80 × 90 % = 72.00.
		JsonNode ald = submit(sheet(patient, "2025-03-10", "2025-03-12", gp, act("C", "80"))
			.replace("\"lines\"", "\"aldCode\":9,\"exemptionNumber\":\"%s\",\"lines\"".formatted(number)));
		assertThat(ald.get("status").asText()).isEqualTo("APPROVED");
		assertThat(amount(line(ald, 0).get("covered"))).isEqualByComparingTo("72.00");
		assertThat(line(ald, 0).get("reasons").get(0).asText()).startsWith("ALD_CONTINUITY: droits suspendus le 10/03/2025")
			.contains("restent couverts");
		// Other care that day is not: rights suspended, nothing covered, said in French.
		JsonNode other = submit(sheet(patient, "2025-03-11", "2025-03-12", gp, act("C", "80")));
		assertThat(other.get("status").asText()).isEqualTo("REJECTED");
		assertThat(line(other, 0).get("reasons").get(0).asText()).startsWith("RIGHTS_NOT_OPEN: droits suspendus le 11/03/2025")
			.doesNotContain("SUSPENDED");
		// An exemption not valid yet on the date of care (granted from June 2024) does not carry the care either.
		JsonNode before = submit(sheet(patient, "2024-05-10", "2024-05-12", gp, act("C", "80")).replace("\"lines\"",
						"\"aldCode\":9,\"exemptionNumber\":\"%s\",\"lines\"".formatted(number)));
		assertThat(amount(line(before, 0).get("covered"))).isEqualByComparingTo("56.00");
	}

	@Test
	void aTadamonPatientInAPublicEstablishmentPaysNothingAndTheStateTakesTheShare() {
		Establishment hospital = directory.search(new ProviderDirectory.EstablishmentQuery(null, null, null,
				Sector.PUBLIC, null, null), 0, 1).content().getFirst();
		JsonNode claim = submit(sheet(insured("TADAMON"), "2025-06-02", "2025-06-10", hospital.inpe(), act("C", "80")));
		// 80 × 70 % = 56.00 covered; the 24.00 share goes to the State.
		assertThat(amount(line(claim, 0).get("covered"))).isEqualByComparingTo("56.00");
		assertThat(amount(line(claim, 0).get("patientShare"))).isEqualByComparingTo("0.00");
		assertThat(amount(line(claim, 0).get("stateShare"))).isEqualByComparingTo("24.00");
		assertThat(amount(claim.get("stateShare"))).isEqualByComparingTo("24.00");
	}

	@Test
	void aSubmissionRepeatedWithItsKeyIsStoredOnceAndAReusedKeyIsRefused() {
		String body = sheet(insured("SALARIED_PRIVATE"), "2025-03-10", "2025-03-20",
				doctor(Profession.GENERAL_PRACTITIONER, null), act("C", "80"));
		Api.Response first = api.post("/api/v1/claims", body, "Idempotency-Key", "fs-42");
		Api.Response repeat = api.post("/api/v1/claims", body, "Idempotency-Key", "fs-42");
		assertThat(first.status()).isEqualTo(201);
		assertThat(first.body().get("status").asText()).isEqualTo("RECEIVED");
		assertThat(repeat.status()).isEqualTo(200);
		assertThat(repeat.body().get("id").asLong()).isEqualTo(first.body().get("id").asLong());
		Api.Response other = api.post("/api/v1/claims", body.replace("\"billed\":80", "\"billed\":90"),
				"Idempotency-Key", "fs-42");
		assertThat(other.status()).isEqualTo(409);
		assertThat(other.body().get("errors").get(0).get("field").asText()).isEqualTo("idempotencyKey");
		Api.Response bad = api.post("/api/v1/claims", body.replace("\"billed\":80", "\"billed\":-1"),
				"Idempotency-Key", "fs-43");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body().get("errors").get(0).get("field").asText()).isEqualTo("lines[0].billed");
	}

	@Test
	void theAttachmentsOfAClaimAreDescribedAndAMalformedOneIsRefusedWithNothingStored() {
		String patient = insured("SALARIED_PRIVATE");
		String body = sheet(patient, "2025-03-11", "2025-03-20", doctor(Profession.GENERAL_PRACTITIONER, null),
				act("C", "80")).replace("\"lines\"", """
				"attachments":[{"type":"PRESCRIPTION","fileName":"ordonnance.pdf","pages":1},
				  {"type":"INVOICE","pages":2,"reference":"DMS-7781"}],"lines\"""");
		JsonNode claim = submit(body);
		assertThat(claim.get("attachments").findValuesAsString("type")).containsExactly("PRESCRIPTION", "INVOICE");
		assertThat(claim.get("attachments").get(1).get("reference").asText()).isEqualTo("DMS-7781");
		Api.Response bad = api.post("/api/v1/claims", body.replace("\"pages\":2", "\"pages\":0"), "Idempotency-Key",
				UUID.randomUUID().toString());
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body().get("errors").get(0).get("field").asText()).isEqualTo("attachments[1].pages");
		assertThat(api.get("/api/v1/claims?patientIdcs=" + patient).body().get("totalElements").asLong()).isEqualTo(1);
	}

	@Test
	void aSampledClaimIsReviewedByAnAgentAndAContestReopensTheReview() {
		String patient = insured("SALARIED_PRIVATE");
		JsonNode claim = submit(sheet(patient, "2024-03-01", "2024-03-10",
				doctor(Profession.GENERAL_PRACTITIONER, null), act("C", "80")));
		assertThat(claim.get("status").asText()).isEqualTo("IN_REVIEW");
		assertThat(claim.get("reviewReasons").get(0).asText()).startsWith("RANDOM_SAMPLE");
		long id = claim.get("id").asLong();
		// The agents find it in their work list.
		JsonNode inReview = api.get("/api/v1/claims?status=IN_REVIEW&patientIdcs=" + patient).body();
		assertThat(inReview.get("totalElements").asLong()).isEqualTo(1);
		assertThat(inReview.get("content").get(0).get("id").asLong()).isEqualTo(id);
		assertThat(api.get("/api/v1/claims?status=APPROVED&patientIdcs=" + patient).body().get("totalElements").asLong())
			.isZero();
		assertThat(api.get("/api/v1/claims?status=WAITING").status()).isEqualTo(400);
		// Maker-checker: the account that submitted the claim does not review it, whatever name it sends.
		Api.Response ownReview = api.post("/api/v1/claims/" + id + "/review",
				"{\"agent\":\"agent.benali\",\"decision\":\"CONFIRM\",\"comment\":\"Pièces conformes\"}");
		assertThat(ownReview.status()).isEqualTo(409);
		assertThat(ownReview.body().get("errors").get(0).get("rule").asText()).isEqualTo("maker-checker");
		Api agent = Users.as(api, "PAYER_AGENT", "CNSS", null, null);
		String agentName = agent.get("/api/v1/users/me").body().get("name").asText();
		Api.Response confirmed = agent.post("/api/v1/claims/" + id + "/review",
				"{\"decision\":\"CONFIRM\",\"comment\":\"Pièces conformes\"}");
		assertThat(confirmed.body().get("status").asText()).as(confirmed.raw()).isEqualTo("APPROVED");
		assertThat(agent.post("/api/v1/claims/" + id + "/review",
				"{\"decision\":\"CONFIRM\",\"comment\":\"encore\"}").status()).isEqualTo(409);
		Api member = Users.as(api, "MEMBER", null, null, patient);
		String memberName = member.get("/api/v1/users/me").body().get("name").asText();
		assertThat(member.post("/api/v1/claims/" + id + "/contest", "{\"by\":\"assuré\",\"comment\":\"Montant contesté\"}")
			.body().get("status").asText()).isEqualTo("IN_REVIEW");
		assertThat(agent.post("/api/v1/claims/" + id + "/review",
				"{\"decision\":\"REJECT\",\"comment\":\"Ordonnance absente\"}").body()
			.get("status").asText()).isEqualTo("REJECTED");
		JsonNode history = api.get("/api/v1/claims/" + id + "/history").body();
		assertThat(history.findValuesAsString("status")).containsExactly("RECEIVED", "ADJUDICATED", "IN_REVIEW",
				"APPROVED", "IN_REVIEW", "REJECTED");
		// Each step names the account that took it, as the audit trail does.
		assertThat(history.findValuesAsString("actor")).containsExactly(Api.ADMINISTRATOR, "adjudication", "adjudication",
				agentName, memberName, agentName);
		assertThat(history.get(4).get("comment").asText()).contains("Montant contesté");
		assertThat(jdbc.sql("select count(*) from audit_entry where actor = ? and record_type = 'CLAIM' and record_id = ? and action = 'CHANGE'")
			.params(memberName, Long.toString(id)).query(Long.class).single()).isEqualTo(1);
		// Agents' and members' comments may carry medical notes: encrypted at rest.
		assertThat(jdbc.sql("select comment from claim_event where claim_id = ? and actor = ?").params(id, memberName)
			.query(String.class).single()).startsWith("enc:").doesNotContain("Montant");
	}

	@Test
	void theReasonCodesAreListedWithTheirFrenchLabelsInTheOrderTheRulesRun() {
		java.util.List<String> decisions = new java.util.ArrayList<>();
		java.util.List<String> others = new java.util.ArrayList<>();
		String lateFiling = null;
		for (JsonNode reason : api.get("/api/v1/claims/reason-codes").body()) {
			(reason.get("kind").asText().equals("DECISION") ? decisions : others).add(reason.get("code").asText());
			if (reason.get("code").asText().equals("LATE_FILING")) {
				lateFiling = reason.get("label").asText();
			}
		}
		assertThat(decisions).containsExactly("RIGHTS_NOT_OPEN", "LATE_FILING", "PROVIDER_NOT_ELIGIBLE",
				"ALD_NOT_RECOGNISED", "NOT_COVERED", "ADULT_BASKET_EXCLUSION", "ORTHODONTICS_AGE_LIMIT",
				"PRIOR_APPROVAL_MISSING", "DUPLICATE", "SECOND_CONSULTATION_SAME_DAY", "CEILING_REACHED", "CARE_PATHWAY_BREACH",
				"TADAMON_PUBLIC_CARE");
		assertThat(lateFiling).isEqualTo("Dossier déposé après le délai de dépôt");
		// Apart from the decisions: the notes on how a line was priced, and why a claim goes to an agent.
		assertThat(others).contains("TARIFF_VERSION", "BASE", "RATE", "BILLED_ABOVE_BASE", "NAMED_ACT", "ALD_EXEMPTION",
				"ALD_CONTINUITY", "RANDOM_SAMPLE", "AMOUNT_THRESHOLD");
	}

	@Test
	void everyReasonOnALineIsInTheCatalogueAndTheFrenchTextsShowNoCode() {
		String gp = doctor(Profession.GENERAL_PRACTITIONER, null);
		String patient = insured("SALARIED_PRIVATE");
		// Billed above the tariff, a named act by its letter, an exemption not recognised, a patient without rights,
		// a late claim, a Tadamon patient in a public establishment: notes and decisions of most kinds.
		submit(sheet(patient, "2025-08-04", "2025-08-05", gp, act("C", "120")));
		submit(sheet(patient, "2025-08-05", "2025-08-06", gp, "{\"actCode\":\"K\",\"coefficient\":82,\"billed\":1845}")
			.replace("\"lines\"", "\"aldCode\":9,\"exemptionNumber\":\"ETM-2020-999999\",\"lines\""));
		submit(sheet(person(LocalDate.of(1991, 1, 1)), "2025-08-04", "2025-08-05", gp, act("C", "80")));
		submit(sheet(patient, "2025-01-04", "2025-08-05", gp, act("C", "80")));
		Establishment hospital = directory.search(new ProviderDirectory.EstablishmentQuery(null, null, null,
				Sector.PUBLIC, null, null), 0, 1).content().getFirst();
		submit(sheet(insured("TADAMON"), "2025-08-06", "2025-08-07", hospital.inpe(), act("C", "80")));

		java.util.Set<String> catalogue = new java.util.HashSet<>(
				api.get("/api/v1/claims/reason-codes").body().findValuesAsString("code"));
		java.util.List<String> reasons = jdbc.sql("""
				select code || coalesce(': ' || text, '') from claim_line_reason
				union select r from claim, unnest(string_to_array(review_reasons, E'\\n')) r where review_reasons is not null""")
			.query(String.class).list();
		assertThat(reasons).hasSizeGreaterThan(10);
		java.util.regex.Pattern codes = java.util.regex.Pattern.compile("\\b(" + String.join("|",
				java.util.stream.Stream.of(ma.amo.enrolment.Regime.values(), ma.amo.enrolment.RightsStatus.values(),
						ma.amo.providers.ProviderStatus.values(), ma.amo.tariffs.CareCategory.values(),
						ma.amo.enrolment.Enrolment.EndReason.values())
					.flatMap(java.util.Arrays::stream).map(Enum::name).toList()) + ")\\b");
		for (String reason : reasons) {
			String code = reason.contains(":") ? reason.substring(0, reason.indexOf(':')) : reason;
			assertThat(catalogue).as(reason).contains(code);
			assertThat(reason.substring(code.length())).as(reason).doesNotContainPattern(codes);
		}
	}

	@Test
	void theTadamonAndAchamilAnswersAreInFrenchWithoutCodes() {
		JsonNode household = api.post("/api/v1/tadamon/registrations",
				"{\"householdId\":\"FOYER-INCONNU\",\"date\":\"2025-03-01\"}").body();
		assertThat(household.get("outcome").asText()).isEqualTo("REJECTED");
		assertThat(household.get("reason").asText()).isEqualTo("foyer FOYER-INCONNU absent du registre social unifié au 01/03/2025");
		JsonNode person = api.post("/api/v1/achamil/registrations",
				"{\"idcs\":\"%s\",\"date\":\"2025-03-01\"}".formatted(person(LocalDate.of(1980, 1, 1)))).body();
		assertThat(person.get("outcome").asText()).isEqualTo("REJECTED");
		assertThat(person.get("reason").asText()).isEqualTo("aucun indice socio-économique au registre social unifié au 01/03/2025");
	}

	@Test
	void claimLinesAreNumberedFromZeroLikeTheErrorsThatNameThem() {
		String radiologist = doctor(Profession.RADIOLOGIST, null);
		String z15 = "{\"actCode\":\"Z\",\"coefficient\":15,\"billed\":150}";
		String body = sheet(insured("SALARIED_PRIVATE"), "2025-08-11", "2025-08-12", radiologist, z15 + "," + z15);
		Api.Response bad = api.post("/api/v1/claims", body.replace("\"billed\":150}]", "\"billed\":-1}]"), "Idempotency-Key", UUID.randomUUID().toString());
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body().get("errors").get(0).get("field").asText()).isEqualTo("lines[1].billed");
		JsonNode claim = submit(body);
		assertThat(line(claim, 0).get("line").asInt()).isZero();
		assertThat(line(claim, 1).get("line").asInt()).isEqualTo(1);
		assertThat(line(claim, 1).get("reasons").toString()).contains("déjà facturé à la ligne 0 de ce dossier");
	}

	@Test
	void theReviewSampleSkipsAClaimWhoseLinesAreAllRejected() {
		// Care on 1 March 2024: every claim is in the sample (100 %), except one with nothing covered.
		JsonNode claim = submit(sheet(person(LocalDate.of(1992, 2, 2)), "2024-03-01", "2024-03-02",
				doctor(Profession.GENERAL_PRACTITIONER, null), act("C", "80")));
		assertThat(claim.get("status").asText()).isEqualTo("REJECTED");
		assertThat(claim.get("reviewReasons")).isEmpty();
	}

	@Autowired
	ClaimAdjudication adjudication;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	ma.amo.audit.AuditTrail trail;

	@Test
	void claimsOfOnePatientAdjudicatedInTheSameRunSeeWhatTheEarlierOnesCovered() {
		String patient = insured("SALARIED_PRIVATE");
		String gp = doctor(Profession.GENERAL_PRACTITIONER, null);
		String dentist = doctor(Profession.DENTIST, null);
		String prosthesis = "{\"actCode\":\"DP\",\"coefficient\":200,\"billed\":2500}";
		java.util.List<Long> ids = new java.util.ArrayList<>();
		for (String body : java.util.List.of(sheet(patient, "2025-05-06", "2025-05-07", gp, act("C", "80")),
				sheet(patient, "2025-05-06", "2025-05-08", gp, act("C", "80")),
				sheet(patient, "2025-05-06", "2025-05-07", dentist, prosthesis),
				sheet(patient, "2025-06-10", "2025-06-11", dentist, prosthesis))) {
			ids.add(api.post("/api/v1/claims", body, "Idempotency-Key", UUID.randomUUID().toString()).body().get("id").asLong());
		}
		assertThat(api.post("/api/v1/claims/adjudication-runs?limit=100000", "").status()).isEqualTo(200);
		// The consultation sent again is a duplicate although the first was decided in the same transaction.
		assertThat(api.get("/api/v1/claims/" + ids.get(0)).body().get("status").asText()).isEqualTo("APPROVED");
		JsonNode second = api.get("/api/v1/claims/" + ids.get(1)).body();
		assertThat(line(second, 0).get("reasons").toString()).contains("DUPLICATE");
		// 1,750.00 for the first prosthesis, then 3,000 − 1,750 = 1,250.00 left under the ceiling for the second.
		assertThat(amount(line(api.get("/api/v1/claims/" + ids.get(2)).body(), 0).get("covered"))).isEqualByComparingTo("1750.00");
		assertThat(amount(line(api.get("/api/v1/claims/" + ids.get(3)).body(), 0).get("covered"))).isEqualByComparingTo("1250.00");
	}

	@Test
	void claimsAdjudicatedInOneRunEachMeetTheirProvidersStatusAndConventionOnTheirOwnCareDate() {
		String gp = doctor(Profession.GENERAL_PRACTITIONER, null);
		directory.status(gp, ma.amo.providers.ProviderStatus.SUSPENDED, LocalDate.of(2025, 6, 1), "sanction ordinale");
		String colleague = doctor(Profession.GENERAL_PRACTITIONER, null);
		String clinic = clinic();
		directory.convention(clinic, "CNSS", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 5, 31));
		String invoice = """
				{"kind":"PROVIDER_INVOICE","patientIdcs":"%s","careDate":"%s","filedOn":"2025-06-20",
				 "executingInpe":"%s","establishmentInpe":"%s","lines":[%s]}""";
		java.util.List<Long> ids = new java.util.ArrayList<>();
		for (String body : java.util.List.of(
				sheet(insured("SALARIED_PRIVATE"), "2025-05-20", "2025-06-20", gp, act("C", "80")),
				sheet(insured("SALARIED_PRIVATE"), "2025-06-05", "2025-06-20", gp, act("C", "80")),
				invoice.formatted(insured("SALARIED_PRIVATE"), "2025-05-20", colleague, clinic, act("C", "80")),
				invoice.formatted(insured("SALARIED_PRIVATE"), "2025-06-05", colleague, clinic, act("C", "80")))) {
			ids.add(api.post("/api/v1/claims", body, "Idempotency-Key", UUID.randomUUID().toString()).body().get("id").asLong());
		}
		assertThat(api.post("/api/v1/claims/adjudication-runs?limit=100000", "").status()).isEqualTo(200);

		java.util.function.IntFunction<String> reasons = i -> line(api.get("/api/v1/claims/" + ids.get(i)).body(), 0)
			.get("reasons").toString();
		assertThat(reasons.apply(0)).doesNotContain("PROVIDER_NOT_ELIGIBLE");
		assertThat(reasons.apply(1)).contains("PROVIDER_NOT_ELIGIBLE").contains("INPE " + gp);
		assertThat(reasons.apply(2)).doesNotContain("PROVIDER_NOT_ELIGIBLE");
		assertThat(reasons.apply(3)).contains("PROVIDER_NOT_ELIGIBLE").contains("non conventionné avec CNSS");
	}

	@Test
	void twoWorkersOnTheReceivedQueueAdjudicateEachClaimExactlyOnce() throws Exception {
		String gp = doctor(Profession.GENERAL_PRACTITIONER, null);
		java.util.List<Long> ids = new java.util.ArrayList<>();
		for (int i = 0; i < 40; i++) {
			Api.Response received = api.post("/api/v1/claims", sheet(insured("SALARIED_PRIVATE"), "2025-07-01", "2025-07-02",
					gp, act("C", "80")), "Idempotency-Key", UUID.randomUUID().toString());
			ids.add(received.body().get("id").asLong());
		}
		var workers = java.util.concurrent.Executors.newFixedThreadPool(2);
		var first = workers.submit(() -> adjudication.adjudicateReceived(100_000));
		var second = workers.submit(() -> adjudication.adjudicateReceived(100_000));
		int adjudicated = first.get() + second.get();
		workers.shutdown();
		assertThat(adjudicated).isGreaterThanOrEqualTo(ids.size());
		for (long id : ids) {
			assertThat(jdbc.sql("select count(*) from claim_event where claim_id = ? and status = 'ADJUDICATED'").param(id)
				.query(Long.class).single()).as("claim " + id).isEqualTo(1);
		}
	}
}
