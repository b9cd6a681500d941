package ma.amo.exemptions;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import ma.amo.population.PopulationImports;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Registers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ExemptionsIntegrationTest {

	@Autowired
	PopulationImports imports;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void client() {
		api = ma.amo.support.Users.medicalReviewer(new Api(port));
	}

	String person() {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, cin(), "Chraibi", "Leila", LocalDate.of(1966, 4, 4), 'F'));
		return idcs;
	}

	Api.Response grant(String idcs, int condition, String from) {
		return api.post("/api/v1/ald-exemptions", "{\"idcs\":\"%s\",\"conditionCode\":%d,\"validFrom\":\"%s\"}"
			.formatted(idcs, condition, from));
	}

	@Test
	void anExemptionLastsFiveYearsAndARenewalStartsTheDayAfterItEnds() {
		String idcs = person();
		Api.Response first = grant(idcs, 5, "2020-03-01");
		assertThat(first.status()).as(first.raw()).isEqualTo(201);
		// Five years from 1 March 2020: the last day is 28 February 2025.
		assertThat(first.body().get("validUntil").asText()).isEqualTo("2025-02-28");
		assertThat(first.body().get("number").asText()).startsWith("ETM-2020-");
		Api.Response overlapping = grant(idcs, 5, "2025-02-28");
		assertThat(overlapping.status()).isEqualTo(409);
		assertThat(overlapping.body().get("errors").get(0).get("rule").asText()).isEqualTo("no-overlap");
		Api.Response renewal = grant(idcs, 5, "2025-03-01");
		assertThat(renewal.status()).isEqualTo(201);
		assertThat(renewal.body().get("validUntil").asText()).isEqualTo("2030-02-28");
		JsonNode all = api.get("/api/v1/ald-exemptions?idcs=" + idcs).body();
		assertThat(all.size()).isEqualTo(2);
		assertThat(all.get(0).get("conditionLabel").asText()).isEqualTo("Artériopathies chroniques");
		// The condition is a diagnosis: encrypted at rest.
		assertThat(jdbc.sql("select condition from ald_exemption where number = ?")
			.param(first.body().get("number").asText()).query(String.class).single()).startsWith("enc:");
	}

	@Test
	void diabetesIsExemptedForLifeAndARevocationEndsItFromItsDay() {
		String idcs = person();
		JsonNode diabetes = grant(idcs, 9, "2018-06-01").body();
		assertThat(diabetes.get("validUntil")).isNull();
		String number = diabetes.get("number").asText();
		Api.Response revoked = api.post("/api/v1/ald-exemptions/" + number + "/revocation",
				"{\"from\":\"2024-01-01\",\"reason\":\"Contrôle médical: diagnostic non confirmé\"}");
		assertThat(revoked.status()).isEqualTo(200);
		assertThat(revoked.body().get("revokedFrom").asText()).isEqualTo("2024-01-01");
		assertThat(api.post("/api/v1/ald-exemptions/" + number + "/revocation",
				"{\"from\":\"2024-02-01\",\"reason\":\"encore\"}").status()).isEqualTo(409);
		// Revoked from 2024: a new exemption for diabetes may start then.
		assertThat(grant(idcs, 9, "2024-01-01").status()).isEqualTo(201);
	}

	@Test
	void anExemptionForAConditionOffTheListOrAnUnknownPersonIsRefused() {
		Api.Response offList = grant(person(), 88, "2024-01-01");
		assertThat(offList.status()).isEqualTo(400);
		assertThat(offList.body().get("errors").get(0).get("field").asText()).isEqualTo("conditionCode");
		assertThat(grant(idcs(), 5, "2024-01-01").status()).isEqualTo(404);
	}
}
