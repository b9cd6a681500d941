package ma.amo.tariffs;

import static org.assertj.core.api.Assertions.assertThat;

import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class TariffVersionIntegrationTest {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void client() {
		api = new Api(port);
	}

	@Test
	void refusesTheProposerAsCheckerWhateverNameItSends() {
		Api.Response proposed = api.post("/api/v1/tariffs/versions", """
				{"name":"Avenant 2047","effectiveFrom":"2047-01-01","basedOn":1,"keyLetters":[],"proposedBy":"quelqu.un"}""");
		assertThat(proposed.body().get("proposedBy").asText()).isEqualTo(Api.ADMINISTRATOR);
		long id = proposed.body().get("id").asLong();
		for (String decision : new String[] { "publication", "rejection" }) {
			Api.Response own = api.post("/api/v1/tariffs/versions/" + id + "/" + decision, "{\"agent\":\"agent.checker\"}");
			assertThat(own.status()).isEqualTo(409);
			assertThat(own.body().get("errors").get(0).get("rule").asText()).isEqualTo("maker-checker");
		}
		Api checker = Users.as(api, "ADMINISTRATOR", null, null, null);
		Api.Response rejected = checker.post("/api/v1/tariffs/versions/" + id + "/rejection", "{\"agent\":\"" + Api.ADMINISTRATOR + "\"}");
		assertThat(rejected.body().get("status").asText()).isEqualTo("REJECTED");
		assertThat(rejected.body().get("decidedBy").asText()).isEqualTo(checker.get("/api/v1/users/me").body().get("name").asText());
	}

	@Test
	void aNewTariffIsPublishedByASecondAgentAndAppliesFromItsDate() {
		Api.Response proposed = api.post("/api/v1/tariffs/versions", """
				{"name":"Avenant 2045","effectiveFrom":"2045-01-01","basedOn":1,
				 "keyLetters":[{"letter":"C","payerBody":"CNSS","sector":"PRIVATE","value":100}]}""");
		assertThat(proposed.status()).as(proposed.raw()).isEqualTo(201);
		long id = proposed.body().get("id").asLong();
		assertThat(proposed.body().get("status").asText()).isEqualTo("PROPOSED");

		Api.Response ownApproval = api.post("/api/v1/tariffs/versions/" + id + "/publication", "{}");
		assertThat(ownApproval.status()).isEqualTo(409);
		assertThat(ownApproval.body().get("errors").get(0).get("rule").asText()).isEqualTo("maker-checker");
		assertThat(letter("C", "CNSS", "PRIVATE", "2045-01-01").get("value").decimalValue()).isEqualByComparingTo("80");

		Api checker = Users.as(api, "ADMINISTRATOR", null, null, null);
		Api.Response published = checker.post("/api/v1/tariffs/versions/" + id + "/publication", "{}");
		assertThat(published.body().get("status").asText()).isEqualTo("PUBLISHED");
		assertThat(published.body().get("proposedBy").asText()).isEqualTo(Api.ADMINISTRATOR);
		assertThat(published.body().get("decidedBy").asText()).isEqualTo(checker.get("/api/v1/users/me").body().get("name").asText());

		assertThat(letter("C", "CNSS", "PRIVATE", "2044-12-31").get("value").decimalValue()).isEqualByComparingTo("80");
		assertThat(letter("C", "CNSS", "PRIVATE", "2045-01-01").get("value").decimalValue()).isEqualByComparingTo("100");
		assertThat(letter("C", "CNOPS", "PRIVATE", "2045-01-01").get("value").decimalValue()).isEqualByComparingTo("80");
		// C 100 × 70 % = 70.00 from the new version's first day.
		JsonNode quote = api.post("/api/v1/tariffs/quote",
				"{\"regime\":\"SALARIED_PRIVATE\",\"careDate\":\"2045-01-01\",\"sector\":\"PRIVATE\",\"lines\":[{\"actCode\":\"C\",\"billed\":100}]}")
			.body();
		assertThat(quote.get("covered").get("amount").decimalValue()).isEqualByComparingTo("70.00");

		Api.Response sameDate = api.post("/api/v1/tariffs/versions", """
				{"name":"Doublon","effectiveFrom":"2045-01-01","basedOn":1,"keyLetters":[]}""");
		long duplicate = sameDate.body().get("id").asLong();
		Api.Response second = checker.post("/api/v1/tariffs/versions/" + duplicate + "/publication", "{}");
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.body().get("errors").get(0).get("rule").asText()).isEqualTo("one-version-per-date");
	}

	@Test
	void theActsOfAVersionAreListedAndSearchedByCodeLabelAndKeyLetterPageByPage() {
		// Version 1, the TNR of 2006: 28 acts, among them three named K acts with their coefficient, two daily rates of
		// hospital stays, three optical items on their flat amounts and orthodontics.
		JsonNode all = api.get("/api/v1/tariffs/versions/1/acts?size=5").body();
		assertThat(all.get("totalElements").asLong()).isEqualTo(28);
		assertThat(all.get("content").size()).isEqualTo(5);
		assertThat(all.get("content").get(0).get("code").asText()).isEqualTo("ACCOUCHEMENT");
		JsonNode k = api.get("/api/v1/tariffs/versions/1/acts?keyLetter=K&size=50").body();
		assertThat(k.get("content").findValuesAsString("code")).containsExactly("ACCOUCHEMENT", "ACUPUNCTURE",
				"APPENDICECTOMIE", "CHIRURGIE_ESTHETIQUE", "HERNIE", "K", "MESOTHERAPIE");
		JsonNode appendix = api.get("/api/v1/tariffs/versions/1/acts?text=appendicectomie").body().get("content").get(0);
		assertThat(appendix.get("code").asText()).isEqualTo("APPENDICECTOMIE");
		assertThat(appendix.get("keyLetter").asText()).isEqualTo("K");
		assertThat(appendix.get("coefficient").decimalValue()).isEqualByComparingTo("70");
		assertThat(appendix.get("careCategory").asText()).isEqualTo("HOSPITALISATION");
		assertThat(appendix.get("priorApproval").asBoolean()).isTrue();
		assertThat(appendix.get("pricedBy").asText()).isEqualTo("KEY_LETTER");
		JsonNode stay = api.get("/api/v1/tariffs/versions/1/acts?text=JOURNEE_REANIMATION").body().get("content").get(0);
		assertThat(stay.get("pricedBy").asText()).isEqualTo("DAILY_RATE");
		assertThat(stay.get("amount").decimalValue()).isEqualByComparingTo("2500");
		assertThat(stay.hasNonNull("keyLetter")).isFalse();
		// By label, without accents or case: "séance" finds the three paramedical sessions.
		assertThat(api.get("/api/v1/tariffs/versions/1/acts?text=SEANCE").body().get("totalElements").asLong()).isEqualTo(3);
		assertThat(api.get("/api/v1/tariffs/versions/999999/acts").status()).isEqualTo(404);
	}

	@Test
	void theUnapplied2020ConventionWaitsAsAProposedVersion() {
		JsonNode versions = api.get("/api/v1/tariffs/versions").body();
		JsonNode v2020 = versions.valueStream().filter(v -> v.get("id").asLong() == 2).findFirst().orElseThrow();
		assertThat(v2020.get("status").asText()).isEqualTo("PROPOSED");
		assertThat(letter("C", "CNSS", "PRIVATE", "2030-01-01").get("versionId").asLong()).isEqualTo(1);
	}

	@Test
	void aProposalWithoutBaseOrWithANegativeValueIsRefused() {
		assertThat(api.post("/api/v1/tariffs/versions", "{\"name\":\"X\",\"effectiveFrom\":\"2046-01-01\"}")
			.body().get("errors").get(0).get("field").asText()).isEqualTo("basedOn");
		assertThat(api.post("/api/v1/tariffs/versions", """
				{"name":"X","effectiveFrom":"2046-01-01","basedOn":1,"keyLetters":[{"letter":"C","value":-5}]}""")
			.body().get("errors").get(0).get("field").asText()).isEqualTo("keyLetters[0].value");
	}

	private JsonNode letter(String letter, String payer, String sector, String date) {
		Api.Response response = api.get("/api/v1/tariffs/key-letters/" + letter + "?payerBody=" + payer + "&sector=" + sector + "&date=" + date);
		assertThat(response.status()).as(response.raw()).isEqualTo(200);
		return response.body();
	}
}
