package ma.amo.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import ma.amo.population.imports.ExtractLoader;
import ma.amo.population.imports.ImportJobs;
import ma.amo.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a stop in the middle of an import leaves is cleared at the next start. */
@IntegrationTest
class InterruptedImportIntegrationTest {

	@Autowired
	ImportJobs jobs;

	@Autowired
	ExtractLoader loader;

	@Autowired
	PopulationSettings settings;

	@Autowired
	JdbcClient jdbc;

	@Test
	void atStartTheJobsAStopInterruptedAreFailedAndTheirUploadsRemoved() throws Exception {
		Files.createDirectories(settings.importDirectory());
		Path upload = Files.createTempFile(settings.importDirectory(), "rnp-", ".csv");
		Path notAnUpload = Files.createTempFile(settings.importDirectory(), "notes-", ".txt");
		long running = jdbc.sql("""
				insert into import_job (kind, file_name, mode, status, phase, total_bytes)
				values ('RNP', 'rnp-2026-06.csv', 'ALL_OR_NOTHING', 'RUNNING', 'reading', 1000) returning id""")
			.query(Long.class)
			.single();

		// What the platform does at start: the import service is built again.
		PopulationImports restarted = new PopulationImports(jobs, loader, settings);
		restarted.stop();

		assertThat(upload).doesNotExist();
		assertThat(notAnUpload).exists();
		assertThat(jdbc.sql("select status from import_job where id = ?").param(running).query(String.class).single())
			.isEqualTo("FAILED");
		Files.delete(notAnUpload);
	}
}
