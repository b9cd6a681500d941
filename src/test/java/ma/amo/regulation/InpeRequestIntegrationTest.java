package ma.amo.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import ma.amo.providers.Inpe;
import ma.amo.providers.ProviderDirectory;
import ma.amo.providers.Sector;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * INPE requests from the regulator's desk to the INPE issued, under maker-checker between two regulator accounts, and
 * followed by the applicant with the reference and code handed at filing (today is 15 June 2026).
 */
@IntegrationTest
class InpeRequestIntegrationTest {

	@Autowired
	ProviderDirectory directory;

	@LocalServerPort
	int port;

	Api admin;
	Api desk;
	Api checker;

	@BeforeEach
	void regulators() {
		admin = new Api(port);
		desk = Users.as(admin, "REGULATOR", null, null, null);
		checker = Users.as(admin, "REGULATOR", null, null, null);
	}

	static String unique() {
		return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	static String cardiologist(String orderNumber) {
		return """
				{"kind":"PROFESSIONAL","lastName":"El Idrissi","firstName":"Karima","profession":"SPECIALIST",
				 "specialty":"Cardiologie","diplomaReference":"DES-CARDIO-2019-114","orderNumber":"%s",
				 "region":"Fès-Meknès","province":"Fès","commune":"Fès (Mun.)"}""".formatted(orderNumber);
	}

	static String clinic(String name, String authorisation) {
		return """
				{"kind":"ESTABLISHMENT","name":"%s","category":"CLINIC","sector":"PRIVATE",
				 "authorisationReference":"%s","address":"12, avenue Hassan II","region":"Souss-Massa",
				 "province":"Agadir-Ida-Ou-Tanane","commune":"Agadir (Mun.)"}""".formatted(name, authorisation);
	}

	JsonNode filed(String body) {
		Api.Response filed = desk.post("/api/v1/inpe-requests", body);
		assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
		return filed.body();
	}

	@Test
	void aProfessionalsRequestGoesFromFilingThroughAQuestionToTheInpeThatASecondRegulatorIssues() {
		JsonNode filed = filed(cardiologist("CNOM-" + unique()));
		long id = filed.get("request").get("id").asLong();
		String reference = filed.get("request").get("reference").asText();
		String code = filed.get("followUpCode").asText();
		assertThat(reference).matches("DI-2026-\\d{6}");
		assertThat(code).hasSize(16);
		String followUp = "/api/v1/public/inpe-requests/" + reference + "?code=" + code;
		assertThat(admin.anonymous().get(followUp).body().get("status").asText()).isEqualTo("FILED");

		Api.Response asked = desk.post("/api/v1/inpe-requests/" + id + "/information-request",
				"{\"message\":\"Copie certifiée du diplôme de spécialité à fournir\"}");
		assertThat(asked.body().get("status").asText()).isEqualTo("INFORMATION_REQUESTED");
		assertThat(admin.anonymous().get(followUp).raw()).contains("Copie certifiée du diplôme");
		// Nothing is proposed while the applicant has to answer.
		assertThat(desk.post("/api/v1/inpe-requests/" + id + "/approval-proposal", "{}").status()).isEqualTo(409);
		assertThat(desk.post("/api/v1/inpe-requests/" + id + "/answer", "{\"message\":\"Copie déposée au guichet\"}")
			.body().get("status").asText()).isEqualTo("FILED");

		assertThat(desk.post("/api/v1/inpe-requests/" + id + "/approval-proposal", "{}").body().get("status").asText())
			.isEqualTo("APPROVAL_PROPOSED");
		Api.Response own = desk.post("/api/v1/inpe-requests/" + id + "/approval", "{}");
		assertThat(own.status()).isEqualTo(409);
		assertThat(own.raw()).contains("maker-checker");
		JsonNode approved = checker.post("/api/v1/inpe-requests/" + id + "/approval", "{}").body();
		assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
		String inpe = approved.get("inpe").asText();
		assertThat(Inpe.problem(inpe)).isNull();
		assertThat(approved.get("decidedOn").asText()).isEqualTo("2026-06-15");
		assertThat(approved.get("steps").size()).isEqualTo(5);

		JsonNode registered = admin.get("/api/v1/providers/professionals/" + inpe).body();
		assertThat(registered.get("lastName").asText()).isEqualTo("El Idrissi");
		assertThat(registered.get("specialty").asText()).isEqualTo("Cardiologie");
		assertThat(admin.get("/api/v1/providers/" + inpe + "/standing").body().get("status").asText()).isEqualTo("ACTIVE");
		JsonNode followed = admin.anonymous().get(followUp).body();
		assertThat(followed.get("status").asText()).isEqualTo("APPROVED");
		assertThat(followed.get("inpe").asText()).isEqualTo(inpe);
		// The applicant sees the messages, not the regulators' accounts.
		assertThat(admin.anonymous().get(followUp).raw()).doesNotContain("regulator-");
		assertThat(admin.anonymous().get("/api/v1/public/inpe-requests/" + reference + "?code=AAAAAAAAAAAAAAAA").status())
			.isEqualTo(404);
		assertThat(checker.post("/api/v1/inpe-requests/" + id + "/refusal", "{\"reason\":\"trop tard\"}").status())
			.isEqualTo(409);
	}

	@Test
	void anEstablishmentsRequestIsIssuedItsInpeAndOneAlreadyInTheDirectoryIsNot() {
		String name = "Clinique Al Massira " + unique();
		long id = filed(clinic(name, "AUT-" + unique())).get("request").get("id").asLong();
		desk.post("/api/v1/inpe-requests/" + id + "/approval-proposal", "{}");
		String inpe = checker.post("/api/v1/inpe-requests/" + id + "/approval", "{}").body().get("inpe").asText();
		assertThat(admin.get("/api/v1/providers/establishments/" + inpe).body().get("name").asText()).isEqualTo(name);

		String existing = directory.register(new ProviderDirectory.NewEstablishment("Clinique Atlas " + unique(), "CLINIC",
				Sector.PRIVATE, "Souss-Massa", "Agadir-Ida-Ou-Tanane", "Agadir (Mun.)"), LocalDate.of(2020, 1, 1))
			.provider().name();
		long again = filed(clinic(existing, "AUT-" + unique())).get("request").get("id").asLong();
		desk.post("/api/v1/inpe-requests/" + again + "/approval-proposal", "{}");
		Api.Response duplicate = checker.post("/api/v1/inpe-requests/" + again + "/approval", "{}");
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.raw()).contains("duplicate-establishment");
		assertThat(desk.get("/api/v1/inpe-requests/" + again).body().get("status").asText()).isEqualTo("APPROVAL_PROPOSED");
		JsonNode refused = checker.post("/api/v1/inpe-requests/" + again + "/refusal",
				"{\"reason\":\"Établissement déjà immatriculé\"}").body();
		assertThat(refused.get("status").asText()).isEqualTo("REFUSED");
		assertThat(refused.get("refusalReason").asText()).isEqualTo("Établissement déjà immatriculé");
	}

	@Test
	void aSecondRequestForTheSameOrderNumberOrAuthorisationIsADuplicateUntilTheFirstIsRefused() {
		String order = "CNOM-" + unique();
		long first = filed(cardiologist(order)).get("request").get("id").asLong();
		Api.Response duplicate = desk.post("/api/v1/inpe-requests", cardiologist(order.toLowerCase()));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.raw()).contains("orderNumber").contains("duplicate");
		assertThat(desk.post("/api/v1/inpe-requests/" + first + "/refusal", "{\"reason\":\"Inscription à l'Ordre non confirmée\"}")
			.status()).isEqualTo(200);
		filed(cardiologist(order));

		String authorisation = "AUT-" + unique();
		filed(clinic("Clinique Anza " + unique(), authorisation));
		Api.Response again = desk.post("/api/v1/inpe-requests", clinic("Clinique Anza bis", authorisation));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.raw()).contains("authorisationReference");
	}

	@Test
	void aRequestWithMissingOrMalformedFieldsIsRefusedNamingEachAndNothingIsFiled() {
		long before = desk.get("/api/v1/inpe-requests?size=1").body().get("totalElements").asLong();
		Api.Response missing = desk.post("/api/v1/inpe-requests", """
				{"kind":"PROFESSIONAL","profession":"GENERAL_PRACTITIONER","specialty":"Cardiologie","orderNumber":"<script>",
				 "region":"Atlantis","province":"Fès","commune":"Fès"}""");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.raw()).contains("lastName").contains("firstName").contains("diplomaReference")
			.contains("specialists-only").contains("orderNumber").contains("region");
		Api.Response establishment = desk.post("/api/v1/inpe-requests", """
				{"kind":"ESTABLISHMENT","name":"%s","category":"CASINO","region":"Souss-Massa","province":"A","commune":"B"}"""
			.formatted("x".repeat(201)));
		assertThat(establishment.status()).isEqualTo(400);
		assertThat(establishment.raw()).contains("name");
		Api.Response noCategory = desk.post("/api/v1/inpe-requests", """
				{"kind":"ESTABLISHMENT","name":"Cabinet","category":"CASINO","region":"Souss-Massa","province":"A","commune":"B"}""");
		assertThat(noCategory.raw()).contains("category").contains("sector").contains("authorisationReference").contains("address");
		assertThat(desk.post("/api/v1/inpe-requests", "{\"kind\":\"ROBOT\"}").status()).isEqualTo(400);
		assertThat(desk.post("/api/v1/inpe-requests/999999999/refusal", "{\"reason\":\"x\"}").status()).isEqualTo(404);
		assertThat(desk.get("/api/v1/inpe-requests?size=1").body().get("totalElements").asLong()).isEqualTo(before);
	}
}
