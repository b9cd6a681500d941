package ma.amo.contributions;

import static org.assertj.core.api.Assertions.assertThat;

import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class EmployerRegistryIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void anEmployerIsAffiliatedOnceWithACheckedNumberAndFoundByName() {
		Api api = new Api(port);
		Api.Response created = api.post("/api/v1/employers", """
				{"name":"Société Marocaine des Conserves","ice":"001525874000091","region":"Souss-Massa",
				 "commune":"Agadir (Mun.)","affiliatedOn":"2012-04-01"}""");
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		String number = created.body().get("affiliationNumber").asText();
		assertThat(Employers.problem(number)).isNull();
		assertThat(api.get("/api/v1/employers/" + number).body().get("ice").asText()).isEqualTo("001525874000091");
		assertThat(api.get("/api/v1/employers?name=societe%20marocaine%20des%20conserve").body().get("content")
			.findValuesAsString("affiliationNumber")).contains(number);

		Api.Response again = api.post("/api/v1/employers", """
				{"name":"SMC","ice":"001525874000091","region":"Souss-Massa","commune":"Agadir (Mun.)","affiliatedOn":"2013-01-01"}""");
		assertThat(again.status()).isEqualTo(409);
		assertThat(api.post("/api/v1/employers", """
				{"name":"X","ice":"12","region":"Oriental","commune":"Oujda (Mun.)","affiliatedOn":"2013-01-01"}""")
			.body().get("errors").get(0).get("field").asText()).isEqualTo("ice");
		String mistyped = number.substring(0, 7) + ((number.charAt(7) - '0' + 1) % 10);
		assertThat(api.get("/api/v1/employers/" + mistyped).status()).isEqualTo(400);
	}
}
