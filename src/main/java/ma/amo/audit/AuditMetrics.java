package ma.amo.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The audit writer's backlog for an operator ({@code amo_audit_backlog} on {@code /actuator/prometheus}): reads are
 * answered once their line is queued, so a backlog that grows means the database no longer keeps up and a crash
 * would lose more lines.
 */
@Component
class AuditMetrics {

	AuditMetrics(MeterRegistry registry, ChainWriter writer) {
		Gauge.builder("amo.audit.backlog", writer, ChainWriter::backlog)
			.description("Audit lines queued and not yet written")
			.register(registry);
	}
}
