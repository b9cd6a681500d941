package ma.amo.regulation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Size;
import ma.amo.providers.Inpe;
import ma.amo.providers.ProviderDirectory;
import ma.amo.providers.ProviderStatus;
import ma.amo.shared.InputBounds;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.PageOf;
import ma.amo.shared.SearchFilters;
import ma.amo.shared.Viewer;
import ma.amo.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Maker-checker over the conventions and statuses of the provider directory: a regulator proposes, another applies
 * through the directory (whose own rules, such as no overlapping convention with a payer body, then decide: a
 * change they refuse stays proposed and may be rejected).
 */
@Service
public class ReferentialChanges {

	private static final String COLUMNS = """
			id, kind, inpe, payer_body, start_date, end_date, status_to, reason, status, proposed_by, proposed_at,
			  decided_by, decided_at, decision_note""";

	private final JdbcClient jdbc;
	private final ProviderDirectory directory;

	ReferentialChanges(JdbcClient jdbc, ProviderDirectory directory) {
		this.jdbc = jdbc;
		this.directory = directory;
	}

	/** A change proposed: a convention (payerBody, startDate, endDate) or a status (status, startDate as its effective date). */
	@io.swagger.v3.oas.annotations.media.Schema(name = "ReferentialChangeProposal")
	public record Proposal(ReferentialChange.Kind kind, @Size(max = 9) String inpe, @Size(max = 10) String payerBody,
			LocalDate startDate, LocalDate endDate, ProviderStatus status, @Size(max = 1000) String reason) {
	}

	@Transactional
	public ReferentialChange propose(Proposal p) {
		List<Violation> violations = new ArrayList<>();
		if (p == null || p.kind() == null) {
			throw new InvalidInput("kind", "required", "CONVENTION or PROVIDER_STATUS");
		}
		String inpeProblem = Inpe.problem(p.inpe());
		if (inpeProblem != null) {
			violations.add(new Violation("inpe", "inpe", inpeProblem));
		}
		if (p.startDate() == null || InputBounds.dateProblem(p.startDate()) != null) {
			violations.add(new Violation("startDate", "required", "a date between 1900 and 2100"));
		}
		if (p.kind() == ReferentialChange.Kind.CONVENTION) {
			if (!"CNSS".equals(p.payerBody()) && !"CNOPS".equals(p.payerBody())) {
				violations.add(new Violation("payerBody", "enum", "must be CNSS or CNOPS"));
			}
			if (p.endDate() != null && p.startDate() != null && p.endDate().isBefore(p.startDate())) {
				violations.add(new Violation("endDate", "after-start", "must not be before the start date"));
			}
		}
		else if (p.status() == null) {
			violations.add(new Violation("status", "required", "ACTIVE, SUSPENDED or CLOSED"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		if (directory.findEstablishment(p.inpe()).isEmpty()) {
			directory.professional(p.inpe());
		}
		boolean convention = p.kind() == ReferentialChange.Kind.CONVENTION;
		long id = jdbc.sql("""
				insert into referential_change (kind, inpe, payer_body, start_date, end_date, status_to, reason, status, proposed_by)
				values (?, ?, ?, ?, ?, ?, ?, 'PROPOSED', ?) returning id""")
			.params(p.kind().name(), p.inpe(), convention ? p.payerBody() : null, p.startDate(),
					convention ? p.endDate() : null, convention ? null : p.status().name(),
					p.reason() == null || p.reason().isBlank() ? null : p.reason().strip(), Viewer.actingAccount())
			.query(Long.class).single();
		return change(id);
	}

	/** A second regulator applies the change to the directory. */
	@Transactional
	public ReferentialChange approve(long id) {
		ReferentialChange change = locked(id);
		String checker = Viewer.actingAccount();
		change.decidedBy(checker);
		if (change.kind() == ReferentialChange.Kind.CONVENTION) {
			directory.convention(change.inpe(), change.payerBody(), change.startDate(), change.endDate());
		}
		else {
			directory.status(change.inpe(), change.providerStatus(), change.startDate(), change.reason());
		}
		jdbc.sql("update referential_change set status = 'APPLIED', decided_by = ?, decided_at = now() where id = ?")
			.params(checker, id).update();
		return change(id);
	}

	@Transactional
	public ReferentialChange reject(long id, String note) {
		String text = InvalidInput.requiredText("note", note, 2000);
		ReferentialChange change = locked(id);
		String checker = Viewer.actingAccount();
		change.decidedBy(checker);
		jdbc.sql("update referential_change set status = 'REJECTED', decided_by = ?, decided_at = now(), decision_note = ? where id = ?")
			.params(checker, text, id).update();
		return change(id);
	}

	public ReferentialChange change(long id) {
		return jdbc.sql("select " + COLUMNS + " from referential_change where id = ?").param(id)
			.query(ReferentialChanges::change).optional().orElseThrow(() -> new NotFound("id", "no referential change " + id));
	}

	/** Changes in a status, oldest first (the checkers' queue), or all, newest first. */
	public PageOf<ReferentialChange> changes(ReferentialChange.Status status, int page, int size) {
		SearchFilters filters = new SearchFilters().add("status = :status", "status", status == null ? null : status.name());
		return filters.page(jdbc, "select " + COLUMNS + " from referential_change",
				status == null ? "proposed_at desc, id desc" : "proposed_at, id", page, size, ReferentialChanges::change);
	}

	private ReferentialChange locked(long id) {
		jdbc.sql("select id from referential_change where id = ? for update").param(id).query(Long.class).optional()
			.orElseThrow(() -> new NotFound("id", "no referential change " + id));
		return change(id);
	}

	private static ReferentialChange change(ResultSet rs, int n) throws SQLException {
		String statusTo = rs.getString("status_to");
		Timestamp decided = rs.getTimestamp("decided_at");
		return new ReferentialChange(rs.getLong("id"), ReferentialChange.Kind.valueOf(rs.getString("kind")),
				rs.getString("inpe"), rs.getString("payer_body"), rs.getObject("start_date", LocalDate.class),
				rs.getObject("end_date", LocalDate.class), statusTo == null ? null : ProviderStatus.valueOf(statusTo),
				rs.getString("reason"), ReferentialChange.Status.valueOf(rs.getString("status")),
				rs.getString("proposed_by"), rs.getTimestamp("proposed_at").toInstant(), rs.getString("decided_by"),
				decided == null ? null : decided.toInstant(), rs.getString("decision_note"));
	}
}
