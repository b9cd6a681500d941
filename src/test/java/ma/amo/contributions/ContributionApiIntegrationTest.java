package ma.amo.contributions;

import static org.assertj.core.api.Assertions.assertThat;

import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class ContributionApiIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void aMonthsContributionIsComputedFromTheRatesInForceAndBadInputNamesTheField() {
		Api api = new Api(port);
		Api.Response salaried = api.post("/api/v1/contributions/computations",
				"{\"basis\":\"SALARIED\",\"amount\":6000,\"month\":\"2025-03\"}");
		assertThat(salaried.status()).isEqualTo(200);
		assertThat(salaried.body().get("total").get("amount").decimalValue()).isEqualByComparingTo("382.20");
		assertThat(api.post("/api/v1/contributions/computations", "{\"basis\":\"ROYAL\",\"amount\":6000,\"month\":\"2025-03\"}")
			.body().get("errors").get(0).get("field").asText()).isEqualTo("basis");
		assertThat(api.post("/api/v1/contributions/computations", "{\"basis\":\"SALARIED\",\"amount\":6000,\"month\":\"2025-13\"}")
			.body().get("errors").get(0).get("field").asText()).isEqualTo("month");
		assertThat(api.post("/api/v1/contributions/computations", "{\"basis\":\"SALARIED\",\"amount\":-5,\"month\":\"2025-03\"}")
			.body().get("errors").get(0).get("field").asText()).isEqualTo("grossSalary");
	}
}
