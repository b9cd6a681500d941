package ma.amo.tariffs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class CareLimitsIntegrationTest {

	@Autowired
	CareLimits limits;

	@LocalServerPort
	int port;

	@Test
	void theListHoldsTheReadableConditionsWithLifelongExemptionsForDiabetesAndHypertension() {
		assertThat(limits.conditions()).hasSizeGreaterThanOrEqualTo(35);
		assertThat(limits.condition(9).orElseThrow().lifelongExemption()).isTrue();
		assertThat(limits.condition(14).orElseThrow().lifelongExemption()).isTrue();
		assertThat(limits.condition(17).orElseThrow().lifelongExemption()).isFalse();
		assertThat(limits.condition(17).orElseThrow().exemptionYears()).isEqualTo(5);
	}

	@Test
	void aMissingItemOfTheOfficialListCanBeAddedAndABadOneIsRefused() {
		Api api = new Api(port);
		Api.Response added = api.put("/api/v1/tariffs/long-term-conditions/37",
				"{\"label\":\"Tumeurs malignes (à confirmer)\",\"source\":\"arrêté 2518-05\"}");
		assertThat(added.status()).isEqualTo(200);
		assertThat(api.get("/api/v1/tariffs/long-term-conditions/37").body().get("label").asText()).startsWith("Tumeurs");
		assertThat(api.put("/api/v1/tariffs/long-term-conditions/120", "{\"label\":\"x\"}").body().get("errors").get(0)
			.get("field").asText()).isEqualTo("code");
		assertThat(api.get("/api/v1/tariffs/long-term-conditions/98").status()).isEqualTo(404);
	}

	@Test
	void opticsCeilingsApplyFromTheir2019DecisionAndDentalProsthesesEveryTwoYears() {
		assertThat(limits.ceilings(LocalDate.of(2018, 12, 31))).extracting(CareLimits.Ceiling::item)
			.containsExactlyInAnyOrder("DENTAL_PROSTHESIS", "ORTHODONTICS");
		var ceilings = limits.ceilings(LocalDate.of(2019, 1, 1));
		assertThat(ceilings).extracting(CareLimits.Ceiling::item).contains("OPTICS_FRAME", "OPTICS_PROGRESSIVE_LENS");
		var prosthesis = ceilings.stream().filter(c -> c.item().equals("DENTAL_PROSTHESIS")).findFirst().orElseThrow();
		assertThat(prosthesis.amount()).isEqualByComparingTo("3000");
		assertThat(prosthesis.periodMonths()).isEqualTo(24);
	}
}
