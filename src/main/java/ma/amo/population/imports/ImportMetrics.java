package ma.amo.population.imports;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Register imports' progress for an operator ({@code /actuator/prometheus}): jobs waiting or running, and the bytes
 * and rows the running ones have read (bytes read over total bytes is the progress of an extract of millions of
 * rows). Read from the jobs' rows, which the loader updates while it runs.
 */
@Component
class ImportMetrics {

	ImportMetrics(MeterRegistry registry, JdbcClient jdbc) {
		Gauge.builder("amo.imports.active", jdbc,
				j -> sum(j, "select count(*) from import_job where status in ('QUEUED', 'RUNNING')"))
			.description("Register import jobs queued or running")
			.register(registry);
		Gauge.builder("amo.imports.bytes.read", jdbc,
				j -> sum(j, "select coalesce(sum(bytes_read), 0) from import_job where status = 'RUNNING'"))
			.description("Bytes read by the running register imports")
			.baseUnit("bytes")
			.register(registry);
		Gauge.builder("amo.imports.bytes.total", jdbc,
				j -> sum(j, "select coalesce(sum(total_bytes), 0) from import_job where status = 'RUNNING'"))
			.description("Size of the files of the running register imports")
			.baseUnit("bytes")
			.register(registry);
		Gauge.builder("amo.imports.rows.read", jdbc,
				j -> sum(j, "select coalesce(sum(rows_read), 0) from import_job where status = 'RUNNING'"))
			.description("Rows read by the running register imports")
			.register(registry);
	}

	private static double sum(JdbcClient jdbc, String query) {
		return jdbc.sql(query).query(Long.class).single();
	}
}
