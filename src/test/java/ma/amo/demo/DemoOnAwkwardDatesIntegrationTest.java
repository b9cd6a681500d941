package ma.amo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import ma.amo.AmoApplication;
import ma.amo.enrolment.Eligibility;
import ma.amo.enrolment.RightsStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo loads and its last complete month goes through declarations, payments and deadlines whatever the day it
 * runs on: the first days of a month (the month's declarations not yet due), the due date itself, the last day of a
 * month, the 29th of February and the last day of the year. Each date starts the platform with its business clock
 * set there and a small demo population. Meanwhile its readiness says it cannot serve yet.
 */
class DemoOnAwkwardDatesIntegrationTest {

	@ParameterizedTest(name = "on {0}")
	@ValueSource(strings = { "2026-12-01", "2026-12-02", "2026-12-10", "2026-11-30", "2028-02-29", "2026-12-31" })
	void theDemoLoadsWithItsLastCompleteMonthAndThePlatformIsReadyOnlyOnceItIsLoaded(String date) throws Exception {
		try (ConfigurableApplicationContext platform = new SpringApplicationBuilder(AmoApplication.class,
				ReadinessBeforeTheDemo.class)
			.profiles("test")
			.run("--server.port=0", "--amo.clock.fixed=" + date + "T10:00:00", "--amo.demo.enabled=true",
					"--amo.demo.persons=600", "--amo.demo.private-sector-share=0.005",
					"--amo.embedded-postgres.data-directory=target/test-postgres-awkward-dates",
					"--amo.population.import-directory=target/test-imports-awkward-dates")) {
			JdbcClient jdbc = platform.getBean(JdbcClient.class);
			LocalDate today = LocalDate.now(platform.getBean(Clock.class));
			assertThat(today).isEqualTo(LocalDate.parse(date));
			LocalDate month = today.withDayOfMonth(1).minusMonths(1);

			assertThat(jdbc.sql("select count(*) from declaration where month = ?").param(month).query(Long.class).single())
				.isPositive();
			assertThat(jdbc.sql("select count(*) from paid_days where month = ? and reference like 'D%'").param(month)
				.query(Long.class).single()).isPositive();
			assertThat(jdbc.sql("select distinct regime from contribution_call").query(String.class).list())
				.contains("SALARIED_PRIVATE", "SELF_EMPLOYED", "ACHAMIL", "TADAMON");
			assertThat(jdbc.sql("select count(*) from contribution_call where settled_on is not null").query(Long.class)
				.single()).isPositive();
			assertThat(jdbc.sql("select count(*) from complaint where acknowledged_on is null and acknowledgement_due < ?")
				.param(today).query(Long.class).single()).isPositive();

			Eligibility eligibility = platform.getBean(Eligibility.class);
			Set<RightsStatus> statuses = EnumSet.noneOf(RightsStatus.class);
			for (String idcs : jdbc.sql("select idcs from person").query(String.class).list()) {
				statuses.add(eligibility.of(idcs, today).status());
			}
			assertThat(statuses).contains(RightsStatus.OPEN, RightsStatus.CLOSED);

			ReadinessBeforeTheDemo before = platform.getBean(ReadinessBeforeTheDemo.class);
			assertThat(before.persons).isZero();
			assertThat(before.readiness).isEqualTo(503);
			assertThat(readiness(platform)).isEqualTo(200);
		}
	}

	/** Asks for the readiness over HTTP at start, before the demo's first step runs. */
	@Order(1)
	static class ReadinessBeforeTheDemo implements ApplicationRunner {

		private final ConfigurableApplicationContext platform;
		long persons = -1;
		int readiness;

		ReadinessBeforeTheDemo(ConfigurableApplicationContext platform) {
			this.platform = platform;
		}

		@Override
		public void run(ApplicationArguments args) throws Exception {
			persons = platform.getBean(JdbcClient.class).sql("select count(*) from person").query(Long.class).single();
			readiness = readiness(platform);
		}
	}

	static int readiness(ConfigurableApplicationContext platform) throws Exception {
		String port = platform.getEnvironment().getProperty("local.server.port");
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
					HttpResponse.BodyHandlers.discarding()).statusCode();
		}
	}
}
