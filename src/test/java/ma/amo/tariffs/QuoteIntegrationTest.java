package ma.amo.tariffs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Golden scenarios: every amount below is computed by hand from amo-rules.md in the comment beside it. */
@IntegrationTest
class QuoteIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	MedicineReferentials medicines;

	@Autowired
	ReferenceTariff tariff;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	Api api;

	@BeforeEach
	void client() {
		api = new Api(port);
	}

	private JsonNode quote(String regime, String date, String sector, boolean exempted, String lines) {
		Api.Response response = api.post("/api/v1/tariffs/quote", """
				{"regime":"%s","careDate":"%s","sector":"%s","exempted":%s,"lines":[%s]}"""
			.formatted(regime, date, sector, exempted, lines));
		assertThat(response.status()).as(response.raw()).isEqualTo(200);
		return response.body();
	}

	private static String amount(JsonNode line, String field) {
		return line.get(field).get("amount").decimalValue().setScale(2).toPlainString();
	}

	@Test
	void aGpConsultationForASalariedMemberInThePrivateSector() {
		// C = 80.00 (TNR 2006); CNSS ambulatory 70 %: covered 80 × 0.70 = 56.00, patient share 80 − 56 = 24.00.
		JsonNode line = quote("SALARIED_PRIVATE", "2025-03-10", "PRIVATE", false,
				"{\"actCode\":\"C\",\"billed\":80}").get("lines").get(0);
		assertThat(amount(line, "base")).isEqualTo("80.00");
		assertThat(line.get("ratePercent").asInt()).isEqualTo(70);
		assertThat(amount(line, "covered")).isEqualTo("56.00");
		assertThat(amount(line, "patientShare")).isEqualTo("24.00");
	}

	@Test
	void aHospitalActSentAsItsKeyLetterAndCoefficientIsPricedAsTheNamedAct() {
		// K 70 is the appendicectomy: base 22.50 × 70 = 1,575.00 at the hospitalisation rate, CNOPS private 90 % =
		// 1,417.50 (not the 80 % of ambulatory care, 1,260.00); it needs a prior approval like the named act.
		JsonNode line = quote("PUBLIC_SECTOR", "2025-03-10", "PRIVATE", false,
				"{\"actCode\":\"K\",\"coefficient\":70,\"billed\":1575}").get("lines").get(0);
		assertThat(line.get("code").asText()).isEqualTo("APPENDICECTOMIE");
		assertThat(line.get("careCategory").asText()).isEqualTo("HOSPITALISATION");
		assertThat(amount(line, "base")).isEqualTo("1575.00");
		assertThat(line.get("ratePercent").asInt()).isEqualTo(90);
		assertThat(amount(line, "covered")).isEqualTo("1417.50");
		assertThat(line.get("rules").toString()).contains("NAMED_ACT: K 70 est l'acte APPENDICECTOMIE")
			.contains("PRIOR_APPROVAL_REQUIRED");
		// K 40 is no named act: a specialist act of the letter, ambulatory, 22.50 × 40 = 900.00 × 80 % = 720.00.
		JsonNode generic = quote("PUBLIC_SECTOR", "2025-03-10", "PRIVATE", false,
				"{\"actCode\":\"K\",\"coefficient\":40,\"billed\":900}").get("lines").get(0);
		assertThat(generic.get("code").asText()).isEqualTo("K");
		assertThat(amount(generic, "covered")).isEqualTo("720.00");
	}

	@Test
	void aKeyLetterAndCoefficientThatAreSeveralNamedActsIsRefusedNamingTheCodesToUse() {
		// A version where the hernia repair is coded K 70 too: K 70 no longer says which act it is.
		long version = jdbc.sql("""
				insert into tariff_version (name, effective_from, status, note, proposed_by, decided_by, decided_at)
				values ('Essai K 70 ambigu', '2040-01-01', 'PUBLISHED', 'test', 'a', 'b', now()) returning id""")
			.query(Long.class).single();
		jdbc.sql("insert into key_letter_value (version_id, letter, label, value) select ?, letter, label, value from key_letter_value where version_id = 1 and payer_body is null and sector is null")
			.param(version).update();
		jdbc.sql("""
				insert into act (version_id, code, label, key_letter, coefficient, care_category, prior_approval, excluded,
				  priced_by, amount)
				select ?, code, label, key_letter, case when code = 'HERNIE' then 70 else coefficient end, care_category,
				  prior_approval, excluded, priced_by, amount from act where version_id = 1""").param(version).update();
		tariff.versionsChanged();
		Api.Response refused = api.post("/api/v1/tariffs/quote", """
				{"regime":"PUBLIC_SECTOR","careDate":"2040-03-10","sector":"PRIVATE","lines":[{"actCode":"K","coefficient":70,"billed":1575}]}""");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("lines[0].actCode");
		assertThat(refused.raw()).contains("APPENDICECTOMIE, HERNIE");
	}

	@Test
	void aSpecialistBilledAboveTheTariffIsReimbursedOnTheTariff() {
		// Cs = 150.00; billed 250 (free fees): covered min(250, 150) × 0.70 = 105.00, patient 250 − 105 = 145.00.
		JsonNode line = quote("SALARIED_PRIVATE", "2025-03-10", "PRIVATE", false,
				"{\"actCode\":\"Cs\",\"billed\":250}").get("lines").get(0);
		assertThat(amount(line, "covered")).isEqualTo("105.00");
		assertThat(amount(line, "patientShare")).isEqualTo("145.00");
		assertThat(line.get("rules").toString()).contains("BILLED_ABOVE_BASE");
	}

	@Test
	void cnopsCoversAmbulatoryCareAtEightyPercentAndPublicHospitalStaysInFull() {
		// C 80 × 0.80 = 64.00. Appendicectomy K70: 22.50 × 70 = 1,575.00, CNOPS public hospital 100 %: 1,575.00.
		JsonNode quote = quote("PUBLIC_SECTOR", "2025-03-10", "PUBLIC", false,
				"{\"actCode\":\"C\",\"billed\":80},{\"actCode\":\"APPENDICECTOMIE\",\"billed\":1575}");
		assertThat(amount(quote.get("lines").get(0), "covered")).isEqualTo("64.00");
		JsonNode stay = quote.get("lines").get(1);
		assertThat(amount(stay, "base")).isEqualTo("1575.00");
		assertThat(amount(stay, "covered")).isEqualTo("1575.00");
		assertThat(stay.get("rules").toString()).contains("PRIOR_APPROVAL_REQUIRED");
		assertThat(quote.get("covered").get("amount").decimalValue()).isEqualByComparingTo("1639.00");
		// The same stay in a private clinic: 90 %: 1,417.50.
		assertThat(amount(quote("PUBLIC_SECTOR", "2025-03-10", "PRIVATE", false,
				"{\"actCode\":\"APPENDICECTOMIE\",\"billed\":1575}").get("lines").get(0), "covered")).isEqualTo("1417.50");
	}

	@Test
	void theEstablishmentsInpeGivesTheSector() {
		String hospital = api.get("/api/v1/providers/establishments?category=HP&size=1").body().get("content").get(0)
			.get("inpe").asText();
		// A public provincial hospital: CNOPS covers the appendicectomy (1,575.00) in full.
		JsonNode quote = api.post("/api/v1/tariffs/quote", """
				{"regime":"PUBLIC_SECTOR","careDate":"2025-03-10","establishmentInpe":"%s",
				 "lines":[{"actCode":"APPENDICECTOMIE","billed":1575}]}""".formatted(hospital)).body();
		assertThat(quote.get("sector").asText()).isEqualTo("PUBLIC");
		assertThat(amount(quote.get("lines").get(0), "covered")).isEqualTo("1575.00");
	}

	@Test
	void anAldExemptionRaisesTheRateAndAKCodedActTakesItsCoefficientFromTheLine() {
		// C 80 × 0.90 = 72.00 with an exemption; K 15 on the line: 22.50 × 15 = 337.50 × 0.90 = 303.75.
		JsonNode quote = quote("SALARIED_PRIVATE", "2025-03-10", "PRIVATE", true,
				"{\"actCode\":\"C\",\"billed\":80},{\"actCode\":\"K\",\"coefficient\":15,\"billed\":400}");
		assertThat(amount(quote.get("lines").get(0), "covered")).isEqualTo("72.00");
		assertThat(amount(quote.get("lines").get(1), "base")).isEqualTo("337.50");
		assertThat(amount(quote.get("lines").get(1), "covered")).isEqualTo("303.75");
	}

	@Test
	void excludedActsAndLettersWithoutValueAreNotCovered() {
		JsonNode quote = quote("SALARIED_PRIVATE", "2025-03-10", "PRIVATE", false,
				"{\"actCode\":\"ACUPUNCTURE\",\"coefficient\":5,\"billed\":300},{\"actCode\":\"B\",\"coefficient\":100,\"billed\":120}");
		assertThat(amount(quote.get("lines").get(0), "covered")).isEqualTo("0.00");
		assertThat(quote.get("lines").get(0).get("rules").toString()).contains("EXCLUDED_ACT");
		assertThat(amount(quote.get("lines").get(1), "covered")).isEqualTo("0.00");
		assertThat(quote.get("lines").get(1).get("rules").toString()).contains("KEY_LETTER_WITHOUT_VALUE");
	}

	@Test
	void eachLineSaysInTypesWhyItIsPricedOrNotBesideItsFrenchNotes() {
		JsonNode lines = quote("SALARIED_PRIVATE", "2025-03-10", "PRIVATE", false, """
				{"actCode":"ACUPUNCTURE","coefficient":5,"billed":300},{"actCode":"B","coefficient":100,"billed":120},
				{"actCode":"K","coefficient":70,"billed":1575},{"actCode":"C","billed":80}""").get("lines");
		assertThat(lines.findValuesAsString("outcome")).containsExactly("EXCLUDED_ACT", "KEY_LETTER_WITHOUT_VALUE", "PRICED",
				"PRICED");
		// The appendicectomy needs a prior approval; a consultation does not.
		assertThat(lines.get(2).get("priorApprovalRequired").asBoolean()).isTrue();
		assertThat(lines.get(3).get("priorApprovalRequired").asBoolean()).isFalse();
		// Each note: its code, its text and the figures used, the same notes as the French texts of "rules".
		JsonNode notes = lines.get(3).get("notes");
		assertThat(notes.findValuesAsString("code")).containsExactly("TARIFF_VERSION", "BASE", "RATE");
		assertThat(notes.get(1).get("text").asText()).isEqualTo("C 80.00 × 1 = 80.00");
		assertThat(notes.get(1).get("figures").get("value").decimalValue()).isEqualByComparingTo("80");
		assertThat(notes.get(1).get("figures").get("base").decimalValue()).isEqualByComparingTo("80");
		assertThat(notes.get(2).get("figures").get("ratePercent").asInt()).isEqualTo(70);
		assertThat(lines.get(3).get("rules").get(1).asText()).isEqualTo("BASE: C 80.00 × 1 = 80.00");
		assertThat(lines.get(1).get("notes").get(1).get("figures").get("keyLetter").asText()).isEqualTo("B");
	}

	@Test
	void theTariffInForceStartsOnItsEffectiveDate() {
		// The 2006 TNR takes effect on 2006-09-01: nothing prices care the day before.
		assertThat(quote("SALARIED_PRIVATE", "2006-09-01", "PRIVATE", false, "{\"actCode\":\"C\",\"billed\":80}")
			.get("lines").get(0).get("ratePercent").asInt()).isEqualTo(70);
		Api.Response before = api.post("/api/v1/tariffs/quote",
				"{\"regime\":\"SALARIED_PRIVATE\",\"careDate\":\"2006-08-31\",\"sector\":\"PRIVATE\",\"lines\":[{\"actCode\":\"C\",\"billed\":80}]}");
		assertThat(before.status()).isEqualTo(400);
		assertThat(before.body().get("errors").get(0).get("field").asText()).isEqualTo("lines[0].actCode");
	}

	@Test
	void aBrandMedicineIsReimbursedOnTheCnssGenericBase() {
		String referential = """
				code,name,dci,dosage,form,presentation,ppv,ph,prix_br,princeps_generique,taux_remboursement
				6118000160465,CLAMOXYL,AMOXICILLINE,500 MG,GELULE,1 BOITE 24 GELULE,93.35,,84.0,P,70
				6118000070054,AMOXICILLINE LLORENTE,AMOXICILLINE,500 MG,GELULE,1 BOITE 24 GELULE,84.0,,84.0,G,70
				6118000030072,AXIMYCINE,AMOXICILLINE,500 MG,GELULE,1 BOITE 24 GELULE,95.8,,95.8,G,70
				""";
		var proposal = medicines.propose(new ByteArrayInputStream(referential.getBytes(StandardCharsets.UTF_8)), false,
				"quote.csv", LocalDate.of(2040, 1, 1), "agent.maker");
		medicines.decide(proposal.referential().id(), "agent.checker", true);
		// Two boxes billed 2 × 93.35 = 186.70; CNSS base: generic closest to the brand's PRIX_BR 84.00 → 84.00 × 2
		// = 168.00; covered 168.00 × 0.70 = 117.60; patient share 186.70 − 117.60 = 69.10.
		JsonNode line = quote("SALARIED_PRIVATE", "2040-02-01", "PRIVATE", false,
				"{\"medicineCode\":\"6118000160465\",\"quantity\":2,\"billed\":186.70}").get("lines").get(0);
		assertThat(amount(line, "base")).isEqualTo("168.00");
		assertThat(amount(line, "covered")).isEqualTo("117.60");
		assertThat(amount(line, "patientShare")).isEqualTo("69.10");
	}

	@Test
	void badLinesAreRefusedNamingTheLineAndTheField() {
		Api.Response negative = api.post("/api/v1/tariffs/quote",
				"{\"regime\":\"SALARIED_PRIVATE\",\"careDate\":\"2025-03-10\",\"sector\":\"PRIVATE\",\"lines\":[{\"actCode\":\"C\",\"billed\":80},{\"actCode\":\"C\",\"billed\":-1}]}");
		assertThat(negative.status()).isEqualTo(400);
		assertThat(negative.body().get("errors").get(0).get("field").asText()).isEqualTo("lines[1].billed");
		Api.Response unknown = api.post("/api/v1/tariffs/quote",
				"{\"regime\":\"SALARIED_PRIVATE\",\"careDate\":\"2025-03-10\",\"sector\":\"PRIVATE\",\"lines\":[{\"actCode\":\"NOPE\",\"billed\":80}]}");
		assertThat(unknown.body().get("errors").get(0).get("field").asText()).isEqualTo("lines[0].actCode");
		Api.Response noDate = api.post("/api/v1/tariffs/quote",
				"{\"regime\":\"SALARIED_PRIVATE\",\"sector\":\"PRIVATE\",\"lines\":[{\"actCode\":\"C\",\"billed\":80}]}");
		assertThat(noDate.status()).isEqualTo(400);
		assertThat(noDate.body().get("errors").get(0).get("field").asText()).isEqualTo("careDate");
	}
}
