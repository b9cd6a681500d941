package ma.amo.security;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import ma.amo.population.PopulationImports;
import ma.amo.providers.Profession;
import ma.amo.providers.ProviderDirectory;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Registers;
import ma.amo.support.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * An agent of a region works on the members and claims of that region and payer body: in the lists they search as in
 * the records they read one by one.
 */
@IntegrationTest
class RegionScopeIntegrationTest {

	private static final String ORIENTAL = "Oriental";
	private static final String RABAT = "Rabat-Salé-Kénitra";

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@LocalServerPort
	int port;

	/** A person of the region, enrolled in a salaried regime (CNSS); their IDCS. */
	String insured(Api admin, String region) {
		String idcs = idcs();
		Registers.persons(imports, idcs + "," + cin() + ",Ziani,Ali,الزياني,علي,1970-01-01,M,Commune,Province," + region + ",");
		Api.Response enrolled = admin.post("/api/v1/enrolments",
				"{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}"
					.formatted(idcs));
		assertThat(enrolled.status()).as(enrolled.raw()).isEqualTo(201);
		return idcs;
	}

	long claim(Api admin, String patient, String doctor) {
		Api.Response filed = admin.post("/api/v1/claims?adjudicate=true", """
				{"kind":"MEMBER_REIMBURSEMENT","patientIdcs":"%s","careDate":"2025-02-03","filedOn":"2025-02-05",
				 "executingInpe":"%s","lines":[{"actCode":"C","billed":80}]}""".formatted(patient, doctor),
				"Idempotency-Key", UUID.randomUUID().toString());
		assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
		return filed.body().get("id").asLong();
	}

	@Test
	void anAgentsRegionScopesTheClaimsAndMembersListsAsItScopesSingleReads() {
		Api admin = new Api(port);
		String doctor = directory.register(new ProviderDirectory.NewProfessional("Bennani", "Omar",
				Profession.GENERAL_PRACTITIONER, null, RABAT, "Rabat", "Rabat (Mun.)"), LocalDate.of(2020, 1, 1)).inpe();
		String east = insured(admin, ORIENTAL);
		String west = insured(admin, RABAT);
		long eastClaim = claim(admin, east, doctor);
		long westClaim = claim(admin, west, doctor);
		Api oriental = Users.as(admin, "PAYER_AGENT", "CNSS", null, null, ORIENTAL);
		Api rabat = Users.as(admin, "PAYER_AGENT", "CNSS", null, null, RABAT);

		// Claims: by patient, and the whole list the agent can page through.
		assertThat(total(oriental, "/api/v1/claims?patientIdcs=" + east)).isEqualTo(1);
		assertThat(total(oriental, "/api/v1/claims?patientIdcs=" + west)).isZero();
		assertThat(total(rabat, "/api/v1/claims?patientIdcs=" + west)).isEqualTo(1);
		assertThat(total(rabat, "/api/v1/claims?patientIdcs=" + east)).isZero();
		Set<Long> seenInOriental = new HashSet<>();
		oriental.get("/api/v1/claims?size=200").body().get("content").forEach(c -> seenInOriental.add(c.get("id").asLong()));
		assertThat(seenInOriental).contains(eastClaim).doesNotContain(westClaim);
		assertThat(oriental.get("/api/v1/claims/" + westClaim).status()).isEqualTo(403);

		// Members: every member an agent lists is of their payer body and lives in their region.
		Set<String> orientalMembers = members(oriental);
		assertThat(orientalMembers).contains(east).doesNotContain(west);
		Set<String> rabatMembers = members(rabat);
		assertThat(rabatMembers).contains(west).doesNotContain(east);
		assertThat(members(Users.as(admin, "PAYER_AGENT", "CNOPS", null, null))).doesNotContain(east, west);
		assertThat(members(admin)).contains(east, west);
	}

	private static long total(Api api, String path) {
		Api.Response response = api.get(path);
		assertThat(response.status()).as(response.raw()).isEqualTo(200);
		return response.body().get("totalElements").asLong();
	}

	/** The IDCS of every member the client can list, page after page. */
	private static Set<String> members(Api api) {
		Set<String> seen = new HashSet<>();
		for (int page = 0;; page++) {
			JsonNode answer = api.get("/api/v1/members?size=500&page=" + page).body();
			answer.get("content").forEach(m -> seen.add(m.get("idcs").asText()));
			if (answer.get("content").size() < 500) {
				return seen;
			}
		}
	}
}
