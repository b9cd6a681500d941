package ma.amo.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import ma.amo.AmoApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

class ExternalDatabaseIntegrationTest {

	@Test
	void aConfiguredDatasourceUrlIsUsedInsteadOfTheEmbeddedDatabase() throws Exception {
		// Stands for a PostgreSQL server run outside the platform.
		try (EmbeddedPostgres external = EmbeddedPostgres.builder()
			.setDataDirectory(Path.of("target", "test-postgres-external"))
			.setCleanDataDirectory(true)
			.start()) {
			try (var connection = external.getPostgresDatabase().getConnection();
					var statement = connection.createStatement()) {
				statement.execute("create database amo");
			}
			try (ConfigurableApplicationContext platform = new SpringApplication(AmoApplication.class).run(
					"--spring.profiles.active=test", "--server.port=0",
					"--spring.datasource.url=jdbc:postgresql://localhost:" + external.getPort() + "/amo",
					"--spring.datasource.username=postgres")) {
				assertThat(platform.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
				JdbcClient jdbc = platform.getBean(JdbcClient.class);
				assertThat(jdbc.sql("select current_database()").query(String.class).single()).isEqualTo("amo");
				assertThat(jdbc.sql("select count(*) from parameter").query(Long.class).single()).isPositive();
			}
		}
	}
}
