package ma.amo.shared;

import static org.assertj.core.api.Assertions.assertThat;

import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.People;
import ma.amo.support.Users;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What an operator watches: the platform's own metrics, for administrators only, and its readiness, for anyone. */
@IntegrationTest
class OperationsIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void thePrometheusPageShowsThePlatformsOwnMetricsToAnAdministratorOnly() {
		Api administrator = new Api(port);
		administrator.get("/api/v1/eligibility?idcs=" + People.idcs() + "&date=2026-06-01");

		Api.Response metrics = administrator.get("/actuator/prometheus");

		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.raw()).contains("amo_claims_received_total", "amo_claims_queue ", "amo_claims_set_aside ",
				"amo_eligibility_latency_seconds_count", "amo_eligibility_latency_seconds_bucket", "amo_imports_active ",
				"amo_imports_bytes_read_bytes ", "amo_audit_backlog ");
		assertThat(administrator.anonymous().get("/actuator/prometheus").status()).isIn(302, 401);
		assertThat(Users.as(administrator, "MEMBER", null, null, People.idcs()).get("/actuator/prometheus").status())
			.isEqualTo(403);
	}

	@Test
	void aStartedPlatformIsLiveAndReadyAndSaysSoWithoutCredentials() {
		Api anonymous = new Api(port).anonymous();
		assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
		assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
	}
}
