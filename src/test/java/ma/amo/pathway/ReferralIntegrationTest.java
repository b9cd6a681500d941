package ma.amo.pathway;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

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
 * Referrals as records of the coordinated care pathway, written by a GP or a primary-care establishment and cited by
 * the specialist's claim (today is 15 June 2026). Cs = 150 DH covered at 70 %: 105.00, the pathway penalty being 0 %.
 */
@IntegrationTest
class ReferralIntegrationTest {

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
		api.post("/api/v1/parameters/claims.review.sample-percent", "{\"effectiveFrom\":\"2025-01-01\",\"value\":\"0\"}");
	}

	String insured() {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, cin(), "Alaoui", "Salma", LocalDate.of(1980, 2, 3), 'F'));
		assertThat(api.post("/api/v1/enrolments", "{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}"
			.formatted(idcs)).status()).isEqualTo(201);
		return idcs;
	}

	String doctor(Profession profession, String specialty) {
		return directory.register(new ProviderDirectory.NewProfessional("Bennani", "Omar", profession, specialty,
				"Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"), LocalDate.of(2020, 1, 1)).inpe();
	}

	String establishment(String category) {
		return directory.register(new ProviderDirectory.NewEstablishment(category + " Yacoub El Mansour " + UUID.randomUUID(),
				category, Sector.PUBLIC, "Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"), LocalDate.of(2020, 1, 1))
			.provider().inpe();
	}

	Api provider(String inpe) {
		return Users.as(api, "PROVIDER", null, inpe, null);
	}

	static long refer(Api author, String body) {
		Api.Response written = author.post("/api/v1/referrals", body);
		assertThat(written.status()).as(written.raw()).isEqualTo(201);
		return written.body().get("id").asLong();
	}

	JsonNode consultation(String patient, String specialist, String careDate, String citing) {
		String body = """
				{"kind":"MEMBER_REIMBURSEMENT","patientIdcs":"%s","careDate":"%s","filedOn":"%s","executingInpe":"%s",
				 %s "lines":[{"actCode":"Cs","billed":150}]}""".formatted(patient, careDate, careDate, specialist, citing);
		Api.Response response = api.post("/api/v1/claims?adjudicate=true", body, "Idempotency-Key", UUID.randomUUID().toString());
		assertThat(response.status()).as(response.raw()).isEqualTo(201);
		return response.body();
	}

	static String reasons(JsonNode claim) {
		return claim.get("lines").get(0).get("reasons").toString();
	}

	@Test
	void aReferralFromTheGeneralPractitionerMakesTheCardiologistsVisitCompliant() {
		String patient = insured();
		Api gp = provider(doctor(Profession.GENERAL_PRACTITIONER, null));
		long referral = refer(gp, """
				{"patientIdcs":"%s","toSpecialty":"Cardiologie","reason":"souffle systolique","referredOn":"2026-06-01",
				 "validUntil":"2026-08-31"}""".formatted(patient));
		JsonNode read = gp.get("/api/v1/referrals/" + referral).body();
		assertThat(read.get("referrerKind").asText()).isEqualTo("GENERAL_PRACTITIONER");
		assertThat(read.get("recordedBy").asText()).isNotBlank();

		JsonNode claim = consultation(patient, doctor(Profession.SPECIALIST, "cardiologie"), "2026-06-10",
				"\"referralId\":" + referral + ",");
		assertThat(reasons(claim)).doesNotContain("CARE_PATHWAY_BREACH");
		assertThat(claim.get("lines").get(0).get("covered").get("amount").decimalValue()).isEqualByComparingTo("105.00");
	}

	@Test
	void anExpiredReferralLeavesTheVisitOutsideThePathwayWithTheDateItExpired() {
		String patient = insured();
		long referral = refer(provider(doctor(Profession.GENERAL_PRACTITIONER, null)), """
				{"patientIdcs":"%s","toSpecialty":"Dermatologie","referredOn":"2026-01-05","validUntil":"2026-03-05"}"""
			.formatted(patient));
		JsonNode claim = consultation(patient, doctor(Profession.SPECIALIST, "Dermatologie"), "2026-06-10",
				"\"referralId\":" + referral + ",");
		assertThat(reasons(claim)).contains("CARE_PATHWAY_BREACH").contains("expirée le 2026-03-05");
		// The penalty is 0 % by default: the breach is recorded, the line still covered.
		assertThat(claim.get("lines").get(0).get("covered").get("amount").decimalValue()).isEqualByComparingTo("105.00");
	}

	@Test
	void aReferralToAnotherSpecialtyOrOfAnotherPatientOrUnknownDoesNotCount() {
		String patient = insured();
		String other = insured();
		Api gp = provider(doctor(Profession.GENERAL_PRACTITIONER, null));
		long toDermatology = refer(gp, "{\"patientIdcs\":\"%s\",\"toSpecialty\":\"Dermatologie\"}".formatted(patient));
		long ofAnother = refer(gp, "{\"patientIdcs\":\"%s\",\"toSpecialty\":\"Cardiologie\"}".formatted(other));
		String cardiologist = doctor(Profession.SPECIALIST, "Cardiologie");
		assertThat(reasons(consultation(patient, cardiologist, "2026-06-13", "\"referralId\":" + toDermatology + ",")))
			.contains("CARE_PATHWAY_BREACH").contains("vers Dermatologie, non vers Cardiologie");
		assertThat(reasons(consultation(patient, cardiologist, "2026-06-14", "\"referralId\":" + ofAnother + ",")))
			.contains("établie pour un autre patient");
		assertThat(reasons(consultation(patient, cardiologist, "2026-06-15", "\"referralId\":999999999,")))
			.contains("inconnue");
		// Written today, valid 90 days by default (parameter pathway.referral-validity-days).
		assertThat(gp.get("/api/v1/referrals/" + toDermatology).body().get("validUntil").asText()).isEqualTo("2026-09-13");
	}

	@Test
	void thePublicPathwayFromAHealthCentreToAHospitalIsCheckedTheSameWay() {
		String patient = insured();
		String hospital = establishment("HP");
		Api centre = provider(establishment("CSU-1"));
		long referral = refer(centre, """
				{"patientIdcs":"%s","toSpecialty":"Pneumologie","toEstablishmentInpe":"%s","referredOn":"2026-06-02"}"""
			.formatted(patient, hospital));
		assertThat(centre.get("/api/v1/referrals/" + referral).body().get("referrerKind").asText())
			.isEqualTo("PRIMARY_CARE_ESTABLISHMENT");
		// The hospital it sends the patient to reads it; another provider does not.
		assertThat(provider(hospital).get("/api/v1/referrals/" + referral).status()).isEqualTo(200);
		assertThat(provider(doctor(Profession.GENERAL_PRACTITIONER, null)).get("/api/v1/referrals/" + referral).status())
			.isEqualTo(403);
		String pulmonologist = doctor(Profession.SPECIALIST, "Pneumologie");
		assertThat(reasons(consultation(patient, pulmonologist, "2026-06-12",
				"\"establishmentInpe\":\"" + hospital + "\",\"referralId\":" + referral + ",")))
			.doesNotContain("CARE_PATHWAY_BREACH");
		assertThat(reasons(consultation(patient, pulmonologist, "2026-06-13",
				"\"establishmentInpe\":\"" + establishment("HR") + "\",\"referralId\":" + referral + ",")))
			.contains("CARE_PATHWAY_BREACH").contains("vers l'établissement " + hospital);
		// A health centre is not a hospital a referral sends to.
		assertThat(centre.post("/api/v1/referrals", """
				{"patientIdcs":"%s","toSpecialty":"Pneumologie","toEstablishmentInpe":"%s"}"""
			.formatted(patient, establishment("CSR-1"))).status()).isEqualTo(409);
	}

	@Test
	void aReferralForAPatientTheRegisterDoesNotKnowIsRefusedNamingThePatientsIdcs() {
		Api gp = provider(doctor(Profession.GENERAL_PRACTITIONER, null));
		String stranger = idcs();
		Api.Response refused = gp.post("/api/v1/referrals", "{\"patientIdcs\":\"%s\",\"toSpecialty\":\"Cardiologie\"}"
			.formatted(stranger));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.raw()).contains("patientIdcs").contains("known-patient");
		assertThat(Users.medicalReviewer(api).get("/api/v1/referrals?patientIdcs=" + stranger).body().size()).isZero();
	}

	@Test
	void onlyAFirstContactWritesAReferralAndEveryFieldIsBounded() {
		String patient = insured();
		Api specialist = provider(doctor(Profession.SPECIALIST, "Cardiologie"));
		Api.Response refused = specialist.post("/api/v1/referrals",
				"{\"patientIdcs\":\"%s\",\"toSpecialty\":\"Rhumatologie\"}".formatted(patient));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.raw()).contains("first-contact");
		Api gp = provider(doctor(Profession.GENERAL_PRACTITIONER, null));
		Api.Response bad = gp.post("/api/v1/referrals",
				"{\"patientIdcs\":\"12ab\",\"toSpecialty\":\" \",\"referredOn\":\"2026-06-16\"}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.raw()).contains("patientIdcs").contains("toSpecialty").contains("referredOn");
		Api.Response tooLong = gp.post("/api/v1/referrals", """
				{"patientIdcs":"%s","toSpecialty":"Cardiologie","referredOn":"2026-06-01","validUntil":"2027-06-02"}"""
			.formatted(patient));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.raw()).contains("validUntil");
		assertThat(gp.post("/api/v1/referrals", "{\"patientIdcs\":\"%s\",\"toSpecialty\":\"%s\"}"
			.formatted(patient, "x".repeat(101))).status()).isEqualTo(400);
		Api.Response none = Users.medicalReviewer(api).get("/api/v1/referrals?patientIdcs=" + patient);
		assertThat(none.status()).isEqualTo(200);
		assertThat(none.body().size()).isZero();
	}

	@Test
	void aClaimThatOnlyDeclaresAReferralCountsUntilTheRegulatorRequiresTheRecord() {
		// Older clients send "referral": true. Accepted by default; refused on 1 April 2026 only, set for this test.
		api.post("/api/v1/parameters/claims.care-pathway.declared-referral", "{\"effectiveFrom\":\"2026-04-01\",\"value\":\"REFUSED\"}");
		api.post("/api/v1/parameters/claims.care-pathway.declared-referral", "{\"effectiveFrom\":\"2026-04-02\",\"value\":\"ACCEPTED\"}");
		String patient = insured();
		String cardiologist = doctor(Profession.SPECIALIST, "Cardiologie");
		assertThat(reasons(consultation(patient, cardiologist, "2026-04-02", "\"referral\":true,")))
			.doesNotContain("CARE_PATHWAY_BREACH");
		assertThat(reasons(consultation(patient, cardiologist, "2026-04-01", "\"referral\":true,")))
			.contains("CARE_PATHWAY_BREACH").contains("orientation déclarée sans référence");
	}
}
