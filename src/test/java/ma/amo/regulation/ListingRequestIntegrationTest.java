package ma.amo.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A laboratory's listing request through the Transparency Committee to the medicines referential version that
 * publishes it, and the public medicines guide that then shows it. Today is 15 June 2026; the versions of this test
 * take effect in 2041, a year no other test reads.
 */
@IntegrationTest
class ListingRequestIntegrationTest {

	private static final String HEADER = "CODE;NOM;DCI1;DOSAGE1;UNITE_DOSAGE1;FORME;PRESENTATION;PPV;PH;PRIX_BR;PRINCEPS_GENERIQUE;TAUX_REMBOURSEMENT\n";

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

	static String product(String code, String name) {
		return """
				{"laboratory":"Laboratoires Atlas Pharma","code":"%s","productName":"%s","dci":"AMLODIPINE","dosage":"5 MG",
				 "form":"COMPRIME","presentation":"BOITE DE 30","therapeuticClass":"Antihypertenseurs","brandOrGeneric":"P",
				 "proposedPpv":120.50,"fileReference":"DOSSIER-CT-2026-041"}""".formatted(code, name);
	}

	Api.Response step(long id, String body) {
		return desk.post("/api/v1/listing-requests/" + id + "/steps", body);
	}

	/** A version of the referential proposed by one regulator and published by the other. */
	long published(String effectiveFrom, String rows) {
		Api.Response proposed = desk.upload("/api/v1/tariffs/medicines/referentials?effectiveFrom=" + effectiveFrom,
				"gmr.csv", HEADER + rows);
		assertThat(proposed.status()).as(proposed.raw()).isEqualTo(201);
		long version = proposed.body().get("referential").get("id").asLong();
		assertThat(desk.post("/api/v1/tariffs/medicines/referentials/" + version + "/publication", "{}").status())
			.isEqualTo(409);
		assertThat(checker.post("/api/v1/tariffs/medicines/referentials/" + version + "/publication", "{}").status())
			.isEqualTo(200);
		return version;
	}

	@Test
	void aListingRequestGoesThroughTheCommitteeToTheVersionThatPublishesItAndTheGuideShowsIt() {
		JsonNode filed = desk.post("/api/v1/listing-requests", product("6118999000011", "CARDIOLIX")).body();
		long id = filed.get("request").get("id").asLong();
		String followUp = "/api/v1/public/listing-requests/" + filed.get("request").get("reference").asText() + "?code="
				+ filed.get("followUpCode").asText();
		Api.Response duplicate = desk.post("/api/v1/listing-requests", product("6118999000011", "CARDIOLIX BIS"));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.raw()).contains("duplicate");

		// The steps come in the Committee's order, dated on or after the step before and not after today.
		assertThat(step(id, "{\"step\":\"DECISION\",\"date\":\"2026-06-15\",\"decision\":\"LISTED\"}").status()).isEqualTo(409);
		assertThat(step(id, "{\"step\":\"COMPLETE\",\"date\":\"2026-06-16\"}").status()).isEqualTo(400);
		assertThat(step(id, "{\"step\":\"COMPLETE\",\"date\":\"2026-06-14\"}").status()).isEqualTo(400);
		assertThat(step(id, "{\"step\":\"COMPLETE\",\"date\":\"2026-06-15\",\"note\":\"dossier complet\"}").status()).isEqualTo(200);
		assertThat(step(id, "{\"step\":\"EXAMINED\",\"date\":\"2026-06-15\"}").body().get("sessionDate").asText())
			.isEqualTo("2026-06-15");
		assertThat(step(id, "{\"step\":\"OPINION\",\"date\":\"2026-06-15\"}").status()).isEqualTo(400);
		assertThat(step(id, "{\"step\":\"OPINION\",\"date\":\"2026-06-15\",\"opinion\":\"FAVOURABLE\"}").status()).isEqualTo(200);
		JsonNode decided = step(id, "{\"step\":\"DECISION\",\"date\":\"2026-06-15\",\"decision\":\"LISTED\"}").body();
		assertThat(decided.get("status").asText()).isEqualTo("DECISION");
		assertThat(decided.get("decision").asText()).isEqualTo("LISTED");

		// A version that does not list it reimbursed does not publish it.
		long without = published("2041-01-01", "6118999000028;AMLOGEN;AMLODIPINE;5;MG;COMPRIME;BOITE DE 30;60,00;;60,00;G;70%\n");
		assertThat(desk.post("/api/v1/listing-requests/" + id + "/publication", "{\"versionId\":" + without + "}").status())
			.isEqualTo(409);
		long with = published("2041-07-01", """
				6118999000011;CARDIOLIX;AMLODIPINE;5;MG;COMPRIME;BOITE DE 30;120,50;;120,50;P;70%
				6118999000028;AMLOGEN;AMLODIPINE;5;MG;COMPRIME;BOITE DE 30;60,00;;60,00;G;70%
				""");
		JsonNode published = desk.post("/api/v1/listing-requests/" + id + "/publication", "{\"versionId\":" + with + "}").body();
		assertThat(published.get("status").asText()).isEqualTo("PUBLISHED");
		assertThat(published.get("publishedFrom").asText()).isEqualTo("2041-07-01");

		JsonNode followed = admin.anonymous().get(followUp).body();
		assertThat(followed.get("status").asText()).isEqualTo("PUBLISHED");
		assertThat(followed.get("steps").size()).isEqualTo(6);
		assertThat(followed.toString()).contains("avis favorable").contains("inscription décidée");

		// In the guide from that version on: by a part of its name, any case, with its bases and its generic group.
		JsonNode found = admin.anonymous().get("/api/v1/public/medicines?name=diolI&date=2041-08-01").body();
		assertThat(found.get("totalElements").asLong()).isEqualTo(1);
		JsonNode entry = found.get("content").get(0);
		assertThat(entry.get("medicine").get("code").asText()).isEqualTo("6118999000011");
		assertThat(entry.get("medicine").get("reimbursementRate").get("fraction").decimalValue()).isEqualByComparingTo("0.7");
		// CNSS: PRIX_BR of the generic closest to the brand, 60.00; CNOPS: PPV of the most expensive generic, 60.00.
		assertThat(entry.get("baseCnss").get("amount").decimalValue()).isEqualByComparingTo("60.00");
		assertThat(entry.get("genericGroup").get("generics").asInt()).isEqualTo(1);
		assertThat(entry.get("genericGroup").get("brands").asInt()).isEqualTo(1);
		assertThat(admin.anonymous().get("/api/v1/public/medicines?dci=amlodipine&form=comprimé&date=2041-08-01")
			.body().get("totalElements").asLong()).isEqualTo(2);
		assertThat(admin.anonymous().get("/api/v1/public/medicines?name=CARDIOLIX&date=2041-02-01")
			.body().get("totalElements").asLong()).isZero();
	}

	@Test
	void aRefusedListingClosesTheRequestAndTheProductMayBeFiledAgain() {
		long id = desk.post("/api/v1/listing-requests", product("6118999000035", "TENSIOLAB")).body().get("request")
			.get("id").asLong();
		step(id, "{\"step\":\"COMPLETE\",\"date\":\"2026-06-15\"}");
		step(id, "{\"step\":\"EXAMINED\",\"date\":\"2026-06-15\"}");
		step(id, "{\"step\":\"OPINION\",\"date\":\"2026-06-15\",\"opinion\":\"UNFAVOURABLE\",\"note\":\"service médical rendu insuffisant\"}");
		step(id, "{\"step\":\"DECISION\",\"date\":\"2026-06-15\",\"decision\":\"REFUSED\"}");
		Api.Response closed = desk.post("/api/v1/listing-requests/" + id + "/publication", "{\"versionId\":1}");
		assertThat(closed.status()).isEqualTo(409);
		assertThat(closed.raw()).contains("closed");
		assertThat(desk.post("/api/v1/listing-requests", product("6118999000035", "TENSIOLAB")).status()).isEqualTo(201);
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndTheGuideNeedsABoundedSearch() {
		Api.Response bad = desk.post("/api/v1/listing-requests", """
				{"laboratory":" ","code":"12345","productName":"X","dci":"Y","dosage":"1","form":"F","presentation":"P",
				 "brandOrGeneric":"Z","proposedPpv":-3,"fileReference":"F"}""");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.raw()).contains("proposedPpv");
		Api.Response fields = desk.post("/api/v1/listing-requests", """
				{"laboratory":" ","code":"12345","productName":"X","dci":"Y","dosage":"1","form":"F","presentation":"P",
				 "brandOrGeneric":"Z","proposedPpv":3.99,"fileReference":"F"}""");
		assertThat(fields.raw()).contains("laboratory").contains("code").contains("brandOrGeneric");
		Api.Response tooPrecise = desk.post("/api/v1/listing-requests", product("6118999000042", "X").replace("120.50", "120.505"));
		assertThat(tooPrecise.status()).isEqualTo(400);
		Api guest = admin.anonymous();
		assertThat(guest.get("/api/v1/public/medicines").status()).isEqualTo(400);
		assertThat(guest.get("/api/v1/public/medicines?name=a&size=51").status()).isEqualTo(400);
		assertThat(guest.get("/api/v1/public/medicines?name=" + "a".repeat(101) + "&date=2041-08-01").status()).isEqualTo(400);
		// Wildcards are searched as themselves.
		assertThat(guest.get("/api/v1/public/medicines?name=%25%5F&date=2041-08-01").status()).isEqualTo(200);
		assertThat(guest.get("/api/v1/public/listing-requests/DL-2026-000001").status()).isEqualTo(404);
	}
}
