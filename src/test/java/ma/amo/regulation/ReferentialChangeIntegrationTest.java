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

/** The regulator changes the directory's conventions and statuses, each change applied by a second regulator. */
@IntegrationTest
class ReferentialChangeIntegrationTest {

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
	}

	String clinic() {
		return directory.register(new ProviderDirectory.NewEstablishment("Clinique Les Orangers " + UUID.randomUUID(),
				"CLINIC", Sector.PRIVATE, "Marrakech-Safi", "Marrakech", "Marrakech (Mun.)"), LocalDate.of(2020, 1, 1))
			.provider().inpe();
	}

	long proposed(String body) {
		Api.Response proposed = maker.post("/api/v1/referential-changes", body);
		assertThat(proposed.status()).as(proposed.raw()).isEqualTo(201);
		return proposed.body().get("id").asLong();
	}

	@Test
	void aConventionProposedByOneRegulatorIsAppliedWhenAnotherApprovesIt() {
		String inpe = clinic();
		long id = proposed("{\"kind\":\"CONVENTION\",\"inpe\":\"%s\",\"payerBody\":\"CNOPS\",\"startDate\":\"2026-07-01\"}".formatted(inpe));
		assertThat(admin.get("/api/v1/providers/" + inpe + "/standing?date=2026-07-02").body().get("conventionCnops")
			.asBoolean()).isFalse();
		Api.Response own = maker.post("/api/v1/referential-changes/" + id + "/approval", "{}");
		assertThat(own.status()).isEqualTo(409);
		assertThat(own.raw()).contains("maker-checker");
		assertThat(checker.post("/api/v1/referential-changes/" + id + "/approval", "{}").body().get("status").asText())
			.isEqualTo("APPLIED");
		assertThat(admin.get("/api/v1/providers/" + inpe + "/standing?date=2026-07-02").body().get("conventionCnops")
			.asBoolean()).isTrue();
		assertThat(checker.post("/api/v1/referential-changes/" + id + "/approval", "{}").status()).isEqualTo(409);

		// An overlapping convention is refused by the directory: the change stays proposed, then is rejected.
		long overlap = proposed("{\"kind\":\"CONVENTION\",\"inpe\":\"%s\",\"payerBody\":\"CNOPS\",\"startDate\":\"2026-09-01\"}".formatted(inpe));
		Api.Response refused = checker.post("/api/v1/referential-changes/" + overlap + "/approval", "{}");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.raw()).contains("no-overlap");
		assertThat(maker.get("/api/v1/referential-changes/" + overlap).body().get("status").asText()).isEqualTo("PROPOSED");
		assertThat(maker.post("/api/v1/referential-changes/" + overlap + "/rejection", "{\"note\":\"doublon\"}").status())
			.isEqualTo(409);
		assertThat(checker.post("/api/v1/referential-changes/" + overlap + "/rejection", "{\"note\":\"Convention déjà en vigueur\"}")
			.body().get("status").asText()).isEqualTo("REJECTED");
	}

	@Test
	void aSuspensionProposedByOneRegulatorTakesEffectOnceAnotherApprovesIt() {
		String inpe = clinic();
		long id = proposed("""
				{"kind":"PROVIDER_STATUS","inpe":"%s","status":"SUSPENDED","startDate":"2026-06-20","reason":"Inspection"}"""
			.formatted(inpe));
		checker.post("/api/v1/referential-changes/" + id + "/approval", "{}");
		assertThat(admin.get("/api/v1/providers/" + inpe + "/standing?date=2026-06-20").body().get("status").asText())
			.isEqualTo("SUSPENDED");
		assertThat(admin.get("/api/v1/providers/" + inpe + "/standing?date=2026-06-19").body().get("status").asText())
			.isEqualTo("ACTIVE");
	}

	@Test
	void payerAgentsReadTheChangesButNeitherProposeNorRegisterProviders() {
		String inpe = clinic();
		long id = proposed("{\"kind\":\"PROVIDER_STATUS\",\"inpe\":\"%s\",\"status\":\"CLOSED\",\"startDate\":\"2026-12-31\"}".formatted(inpe));
		Api agent = Users.as(admin, "PAYER_AGENT", "CNSS", null, null);
		assertThat(agent.get("/api/v1/referential-changes/" + id).status()).isEqualTo(200);
		assertThat(agent.get("/api/v1/referential-changes?status=PROPOSED").status()).isEqualTo(200);
		assertThat(agent.post("/api/v1/referential-changes/" + id + "/approval", "{}").status()).isEqualTo(403);
		assertThat(agent.post("/api/v1/providers/" + inpe + "/statuses", "{\"status\":\"CLOSED\",\"effectiveFrom\":\"2026-12-31\"}")
			.status()).isEqualTo(403);
	}

	@Test
	void aMalformedChangeIsRefusedNamingEachFieldAndAnUnknownProviderIsNotFound() {
		Api.Response bad = maker.post("/api/v1/referential-changes",
				"{\"kind\":\"CONVENTION\",\"inpe\":\"123\",\"payerBody\":\"AXA\",\"startDate\":\"2026-07-01\",\"endDate\":\"2026-01-01\"}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.raw()).contains("inpe").contains("payerBody").contains("endDate");
		assertThat(maker.post("/api/v1/referential-changes", "{\"kind\":\"PROVIDER_STATUS\",\"inpe\":\"%s\",\"startDate\":\"2026-07-01\"}"
			.formatted(clinic())).raw()).contains("status");
		assertThat(maker.post("/api/v1/referential-changes", "{\"inpe\":\"%s\"}".formatted(clinic())).status()).isEqualTo(400);
		assertThat(maker.post("/api/v1/referential-changes",
				"{\"kind\":\"PROVIDER_STATUS\",\"inpe\":\"%s\",\"status\":\"ACTIVE\",\"startDate\":\"2026-07-01\"}"
					.formatted(Inpe.of(99_999_999))).status())
			.isEqualTo(404);
	}
}
