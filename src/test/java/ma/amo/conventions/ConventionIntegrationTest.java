package ma.amo.conventions;

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
 * Conventions as records: proposed by a regulator, signed off by another, adhered to by professionals; an invoice in
 * tiers payant is paid only under the convention in force on the day of care for the patient's payer body.
 */
@IntegrationTest
class ConventionIntegrationTest {

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@LocalServerPort
	int port;

	Api admin;
	Api maker;
	Api checker;

	@BeforeEach
	void regulators() {
		admin = new Api(port);
		maker = Users.as(admin, "REGULATOR", null, null, null);
		checker = Users.as(admin, "REGULATOR", null, null, null);
		admin.post("/api/v1/parameters/claims.review.sample-percent", "{\"effectiveFrom\":\"2025-01-01\",\"value\":\"0\"}");
	}

	String insured(String regime) {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, cin(), "Alaoui", "Samira", LocalDate.of(1980, 4, 2), 'F'));
		assertThat(admin.post("/api/v1/enrolments", "{\"idcs\":\"%s\",\"regime\":\"%s\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}"
			.formatted(idcs, regime)).status()).isEqualTo(201);
		return idcs;
	}

	String professional(Profession profession) {
		return directory.register(new ProviderDirectory.NewProfessional("Bennani", "Karim", profession, null,
				"Fès-Meknès", "Fès", "Fès (Mun.)"), LocalDate.of(2020, 1, 1)).inpe();
	}

	String clinic() {
		return directory.register(new ProviderDirectory.NewEstablishment("Clinique Saïss " + UUID.randomUUID(), "CLINIC",
				Sector.PRIVATE, "Fès-Meknès", "Fès", "Fès (Mun.)"), LocalDate.of(2020, 1, 1)).provider().inpe();
	}

	long publishedTariff() {
		for (JsonNode v : admin.get("/api/v1/tariffs/versions").body()) {
			if ("PUBLISHED".equals(v.get("status").asText())) {
				return v.get("id").asLong();
			}
		}
		throw new IllegalStateException("no published tariff version");
	}

	static String number() {
		return "CONV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	String proposal(String number, String payerBody, String party) {
		return """
				{"number":"%s","title":"Convention nationale %s","payerBody":"%s",%s,"tariffVersionId":%d,
				 "startDate":"2026-01-01","signedOn":"2025-12-15","signatories":"Directeur général; Président du conseil"}"""
			.formatted(number, payerBody, payerBody, party, publishedTariff());
	}

	/** A convention proposed by one regulator and signed off by the other. */
	String signed(String payerBody, String party) {
		String number = number();
		Api.Response proposed = maker.post("/api/v1/conventions", proposal(number, payerBody, party));
		assertThat(proposed.status()).as(proposed.raw()).isEqualTo(201);
		Api.Response approved = checker.post("/api/v1/conventions/" + number + "/approval", "{}");
		assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
		return number;
	}

	/** An invoice of a consultation; a professional in their own practice names their own INPE as the place of care. */
	JsonNode invoice(String patient, String careDate, String executing, String establishment) {
		Api.Response response = admin.post("/api/v1/claims?adjudicate=true", """
				{"kind":"PROVIDER_INVOICE","patientIdcs":"%s","careDate":"%s","filedOn":"2026-06-10",
				 "executingInpe":"%s","establishmentInpe":"%s","lines":[{"actCode":"C","billed":80}]}""".formatted(patient,
				careDate, executing, establishment),
				"Idempotency-Key", UUID.randomUUID().toString());
		assertThat(response.status()).as(response.raw()).isEqualTo(201);
		return response.body().get("lines").get(0);
	}

	@Test
	void aDoctorAdheringToTheConventionOfHisOrderWithCnssIsPaidInTiersPayantUntilHeWithdraws() {
		String doctor = professional(Profession.GENERAL_PRACTITIONER);
		String number = number();
		Api.Response proposed = maker.post("/api/v1/conventions",
				proposal(number, "CNSS", "\"professionalBody\":\"PHYSICIANS_ORDER\""));
		assertThat(proposed.status()).as(proposed.raw()).isEqualTo(201);
		assertThat(proposed.body().get("status").asText()).isEqualTo("DRAFT");
		Api.Response own = maker.post("/api/v1/conventions/" + number + "/approval", "{}");
		assertThat(own.status()).isEqualTo(409);
		assertThat(own.raw()).contains("maker-checker");
		assertThat(maker.post("/api/v1/conventions/" + number + "/adherents",
				"{\"inpe\":\"%s\",\"adheredOn\":\"2026-02-01\"}".formatted(doctor)).status()).isEqualTo(409);
		assertThat(checker.post("/api/v1/conventions/" + number + "/approval", "{}").body().get("status").asText())
			.isEqualTo("IN_FORCE");

		JsonNode before = invoice(insured("SALARIED_PRIVATE"), "2026-05-04", doctor, doctor);
		assertThat(before.get("outcome").asText()).isEqualTo("REJECTED");
		assertThat(before.get("reasons").get(0).asText()).startsWith("PROVIDER_NOT_ELIGIBLE")
			.contains("professionnel " + doctor + " non conventionné avec CNSS au 04/05/2026");

		Api.Response adhered = maker.post("/api/v1/conventions/" + number + "/adherents",
				"{\"inpe\":\"%s\",\"adheredOn\":\"2026-02-01\"}".formatted(doctor));
		assertThat(adhered.status()).as(adhered.raw()).isEqualTo(201);
		// C 80 DH in the private sector: 70 % = 56.00 in tiers payant.
		JsonNode paid = invoice(insured("SALARIED_PRIVATE"), "2026-05-05", doctor, doctor);
		assertThat(paid.get("outcome").asText()).as(paid.toString()).isEqualTo("ACCEPTED");
		assertThat(paid.get("covered").get("amount").decimalValue()).isEqualByComparingTo("56.00");

		Api agent = Users.as(admin, "PAYER_AGENT", "CNSS", null, null);
		JsonNode read = agent.get("/api/v1/conventions/" + number).body();
		assertThat(read.get("convention").get("professionalBody").asText()).isEqualTo("PHYSICIANS_ORDER");
		assertThat(read.get("adherents").get(0).get("inpe").asText()).isEqualTo(doctor);
		assertThat(agent.get("/api/v1/conventions?inpe=" + doctor).body().get("content").get(0).get("number").asText())
			.isEqualTo(number);
		assertThat(agent.post("/api/v1/conventions/" + number + "/approval", "{}").status()).isEqualTo(403);

		Api.Response withdrawn = checker.post("/api/v1/conventions/" + number + "/adherents/" + doctor + "/withdrawal",
				"{\"withdrawnOn\":\"2026-06-01\"}");
		assertThat(withdrawn.status()).as(withdrawn.raw()).isEqualTo(200);
		JsonNode after = invoice(insured("SALARIED_PRIVATE"), "2026-06-02", doctor, doctor);
		assertThat(after.get("outcome").asText()).isEqualTo("REJECTED");
		assertThat(after.get("reasons").get(0).asText()).startsWith("PROVIDER_NOT_ELIGIBLE")
			.contains("non conventionné avec CNSS au 02/06/2026").contains("retiré de la convention " + number);
		assertThat(invoice(insured("SALARIED_PRIVATE"), "2026-05-29", doctor, doctor).get("outcome").asText())
			.isEqualTo("ACCEPTED");
	}

	@Test
	void anEstablishmentsOwnConventionCoversItsInvoicesAndNoOtherEstablishments() {
		String clinic = clinic();
		String other = clinic();
		String doctor = professional(Profession.GENERAL_PRACTITIONER);
		String number = signed("CNOPS", "\"establishmentInpe\":\"" + clinic + "\"");
		assertThat(invoice(insured("PUBLIC_SECTOR"), "2026-05-06", doctor, clinic).get("outcome").asText())
			.isEqualTo("ACCEPTED");
		JsonNode elsewhere = invoice(insured("PUBLIC_SECTOR"), "2026-05-06", doctor, other);
		assertThat(elsewhere.get("outcome").asText()).isEqualTo("REJECTED");
		assertThat(elsewhere.get("reasons").get(0).asText())
			.contains("établissement " + other + " non conventionné avec CNOPS au 06/05/2026");
		// The CNOPS convention gives nothing with CNSS.
		assertThat(invoice(insured("SALARIED_PRIVATE"), "2026-05-06", doctor, clinic).get("reasons").get(0).asText())
			.contains("non conventionné avec CNSS");
		// A second convention of the clinic with CNOPS over the same period is refused at its sign-off.
		String overlapping = number();
		assertThat(maker.post("/api/v1/conventions", proposal(overlapping, "CNOPS", "\"establishmentInpe\":\"" + clinic + "\""))
			.status()).isEqualTo(201);
		Api.Response refused = checker.post("/api/v1/conventions/" + overlapping + "/approval", "{}");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.raw()).contains("no-overlap");
		assertThat(admin.get("/api/v1/conventions/" + number).status()).isEqualTo(403);
		assertThat(checker.get("/api/v1/conventions?inpe=" + clinic).body().get("totalElements").asInt()).isEqualTo(2);
	}

	@Test
	void theDirectorysConventionPeriodsReadAsSignedConventionsOfTheirProvider() {
		String hospital = directory.register(new ProviderDirectory.NewEstablishment("Hôpital provincial " + UUID.randomUUID(),
				"HP", Sector.PUBLIC, "Fès-Meknès", "Fès", "Fès (Mun.)"), LocalDate.of(2020, 1, 1)).provider().inpe();
		JsonNode found = checker.get("/api/v1/conventions?payerBody=CNSS&inpe=" + hospital).body().get("content");
		assertThat(found).hasSize(1);
		assertThat(found.get(0).get("number").asText()).isEqualTo("ANNUAIRE-" + hospital + "-CNSS-20050818");
		assertThat(found.get(0).get("status").asText()).isEqualTo("IN_FORCE");
		assertThat(found.get(0).get("origin").asText()).isEqualTo("DIRECTORY");
		Api.Response approval = checker.post("/api/v1/conventions/" + found.get(0).get("number").asText() + "/approval", "{}");
		assertThat(approval.status()).isEqualTo(409);
		assertThat(approval.raw()).contains("directory-period");
	}

	@Test
	void aProposalOutOfItsBoundsIsRefusedFieldByFieldAndNothingIsStored() {
		String number = number();
		Api.Response bad = maker.post("/api/v1/conventions", """
				{"number":"%s","title":"","payerBody":"AMO","professionalBody":"PHYSICIANS_ORDER","establishmentInpe":"123456789",
				 "tariffVersionId":1,"startDate":"2026-03-01","endDate":"2026-02-01","signedOn":"2027-01-01","signatories":"x"}"""
			.formatted(number));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.raw()).contains("title", "payerBody", "establishmentInpe", "endDate", "signedOn");
		Api.Response unpublished = maker.post("/api/v1/conventions",
				proposal(number, "CNSS", "\"professionalBody\":\"DENTISTS_ORDER\"").replaceFirst("\"tariffVersionId\":\\d+",
						"\"tariffVersionId\":987654"));
		assertThat(unpublished.status()).isEqualTo(400);
		assertThat(unpublished.raw()).contains("tariffVersionId", "published");
		assertThat(maker.post("/api/v1/conventions", proposal("ANNUAIRE-1", "CNSS", "\"professionalBody\":\"DENTISTS_ORDER\""))
			.raw()).contains("reserved");
		assertThat(maker.post("/api/v1/conventions", proposal("bad/number", "CNSS", "\"professionalBody\":\"DENTISTS_ORDER\""))
			.status()).isEqualTo(400);
		assertThat(maker.get("/api/v1/conventions/" + number).status()).isEqualTo(404);

		String dentists = signed("CNSS", "\"professionalBody\":\"DENTISTS_ORDER\"");
		Api.Response physician = maker.post("/api/v1/conventions/" + dentists + "/adherents",
				"{\"inpe\":\"%s\",\"adheredOn\":\"2026-02-01\"}".formatted(professional(Profession.GENERAL_PRACTITIONER)));
		assertThat(physician.status()).isEqualTo(400);
		assertThat(physician.raw()).contains("inpe", "profession");
		String dentist = professional(Profession.DENTIST);
		Api.Response early = maker.post("/api/v1/conventions/" + dentists + "/adherents",
				"{\"inpe\":\"%s\",\"adheredOn\":\"2025-12-31\"}".formatted(dentist));
		assertThat(early.raw()).contains("adheredOn", "within-convention");
		assertThat(maker.post("/api/v1/conventions/" + dentists + "/adherents",
				"{\"inpe\":\"%s\",\"adheredOn\":\"2026-01-10\"}".formatted(dentist)).status()).isEqualTo(201);
		Api.Response twice = maker.post("/api/v1/conventions/" + signed("CNSS", "\"professionalBody\":\"DENTISTS_ORDER\"")
				+ "/adherents", "{\"inpe\":\"%s\",\"adheredOn\":\"2026-03-01\"}".formatted(dentist));
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.raw()).contains("no-overlap");
		Api.Response backwards = maker.post("/api/v1/conventions/" + dentists + "/adherents/" + dentist + "/withdrawal",
				"{\"withdrawnOn\":\"2026-01-10\"}");
		assertThat(backwards.raw()).contains("withdrawnOn", "after-adherence");
		JsonNode withdrawal = maker.get("/api/v1/conventions/" + dentists).body().get("adherents").get(0).path("withdrawnOn");
		assertThat(withdrawal.isMissingNode() || withdrawal.isNull()).isTrue();
	}
}
