package ma.amo.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

class EmbeddedDatabaseDurabilityIntegrationTest {

	@Test
	void byDefaultTheEmbeddedDatabaseWritesEveryCommitToDiskBeforeAnsweringIt() throws Exception {
		EmbeddedDatabase.Settings settings = settings("target/test-postgres-durable", null);
		assertThat(settings.durable()).isTrue();
		try (EmbeddedPostgres postgres = new EmbeddedDatabase().embeddedPostgres(settings)) {
			JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
			assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
			assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
			assertThat(jdbc.sql("show full_page_writes").query(String.class).single()).isEqualTo("on");
		}
	}

	@Test
	void aThrowAwayDatabaseMaySkipFsyncWhenTheSettingSaysSo() throws Exception {
		try (EmbeddedPostgres postgres = new EmbeddedDatabase()
			.embeddedPostgres(settings("target/test-postgres-not-durable", "false"))) {
			JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
			assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("off");
			assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("off");
		}
	}

	/** The settings as Spring binds them from properties, with only the directory, a free port and cleaning set. */
	static EmbeddedDatabase.Settings settings(String directory, String durable) {
		java.util.Map<String, String> properties = new java.util.HashMap<>();
		properties.put("amo.embedded-postgres.data-directory", Path.of(directory).toString());
		properties.put("amo.embedded-postgres.port", "0");
		properties.put("amo.embedded-postgres.clean", "true");
		if (durable != null) {
			properties.put("amo.embedded-postgres.durable", durable);
		}
		return new Binder(new MapConfigurationPropertySource(properties))
			.bind("amo.embedded-postgres", Bindable.of(EmbeddedDatabase.Settings.class))
			.get();
	}
}
