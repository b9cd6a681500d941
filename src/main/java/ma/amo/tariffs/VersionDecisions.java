package ma.amo.tariffs;

import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.RuleBroken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Maker-checker for referential versions: a proposed version is published or rejected by another agent than the one
 * who proposed it, at most one published version takes effect on a given date, and who decided and when is kept on
 * the version. Shared by every versioned referential (tables with the same decision columns).
 */
@Component
class VersionDecisions {

	private final JdbcClient jdbc;

	VersionDecisions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	enum Table {
		MEDICINES("medicine_referential"), TARIFF("tariff_version");

		private final String name;

		Table(String name) {
			this.name = name;
		}
	}

	void decide(Table table, long id, String agent, boolean publish) {
		if (agent == null || agent.isBlank()) {
			throw new InvalidInput("agent", "required", "is required");
		}
		record Version(String status, String proposedBy, java.time.LocalDate effectiveFrom) {
		}
		Version version = jdbc.sql("select status, proposed_by, effective_from from " + table.name + " where id = ? for update")
			.param(id)
			.query((rs, n) -> new Version(rs.getString(1), rs.getString(2), rs.getObject(3, java.time.LocalDate.class)))
			.optional().orElseThrow(() -> new NotFound("id", "no version " + id));
		if (!version.status().equals("PROPOSED")) {
			throw new RuleBroken("id", "already-decided", "version " + id + " is already " + version.status());
		}
		if (version.proposedBy().equals(agent.strip())) {
			throw new RuleBroken("agent", "maker-checker", "the agent who proposed a version cannot approve or reject it");
		}
		if (publish && jdbc.sql("select exists (select 1 from " + table.name + " where status = 'PUBLISHED' and effective_from = ?)")
			.param(version.effectiveFrom()).query(Boolean.class).single()) {
			throw new RuleBroken("effectiveFrom", "one-version-per-date",
					"a published version already takes effect on " + version.effectiveFrom());
		}
		jdbc.sql("update " + table.name + " set status = ?, decided_by = ?, decided_at = now() where id = ?")
			.params(publish ? "PUBLISHED" : "REJECTED", agent.strip(), id).update();
	}
}
