package ma.amo.tariffs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import ma.amo.shared.InputBounds;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.RuleBroken;
import ma.amo.shared.Viewer;
import ma.amo.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ALD list under maker-checker (issue 18, point 1: the regulator manages the referentials it owns, the ALD list
 * among them, between two regulator accounts): a regulator proposes to add, change or retire a condition from a date,
 * another applies or rejects it. What applies on a date is read by {@link CareLimits#condition(int, LocalDate)}: the
 * exemptions granted and the care under them.
 */
@Service
public class LongTermConditionChanges {

	private static final String COLUMNS = """
			id, action, code, label, lifelong_exemption, exemption_years, source, effective_from, reason, status,
			  proposed_by, proposed_at, decided_by, decided_at, decision_note""";

	private final JdbcClient jdbc;
	private final CareLimits limits;

	LongTermConditionChanges(JdbcClient jdbc, CareLimits limits) {
		this.jdbc = jdbc;
		this.limits = limits;
	}

	/** A change proposed: the terms for ADD and CHANGE, only the code, date and reason for RETIRE. */
	@Schema(name = "LongTermConditionChangeProposal")
	public record Proposal(LongTermConditionChange.Action action, Integer code, @Size(max = 200) String label,
			Boolean lifelongExemption, Integer exemptionYears, @Size(max = 500) String source, LocalDate effectiveFrom,
			@Size(max = 1000) String reason) {
	}

	@Transactional
	public LongTermConditionChange propose(Proposal p) {
		if (p == null || p.action() == null) {
			throw new InvalidInput("action", "required", "ADD, CHANGE or RETIRE");
		}
		List<Violation> violations = new ArrayList<>();
		if (p.code() == null || p.code() < 1 || p.code() > 99) {
			violations.add(new Violation("code", "range", "a condition code between 1 and 99"));
		}
		if (p.effectiveFrom() == null || InputBounds.dateProblem(p.effectiveFrom()) != null) {
			violations.add(new Violation("effectiveFrom", "required", "a date between 1900 and 2100"));
		}
		String reason = text(p.reason());
		textRequired("reason", reason, 1000, violations);
		boolean terms = p.action() != LongTermConditionChange.Action.RETIRE;
		String label = text(p.label());
		String source = text(p.source());
		if (terms) {
			textRequired("label", label, 200, violations);
			if (p.lifelongExemption() == null) {
				violations.add(new Violation("lifelongExemption", "required", "true or false"));
			}
			if (p.exemptionYears() == null || p.exemptionYears() < 1 || p.exemptionYears() > 99) {
				violations.add(new Violation("exemptionYears", "range", "between 1 and 99"));
			}
			if (!source.isEmpty() && InputBounds.textProblem(source, 500) != null) {
				violations.add(new Violation("source", "text", InputBounds.textProblem(source, 500)));
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		long id = jdbc.sql("""
				insert into long_term_condition_change (action, code, label, lifelong_exemption, exemption_years, source,
				  effective_from, reason, status, proposed_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, 'PROPOSED', ?) returning id""")
			.params(p.action().name(), p.code(), terms ? label : null, terms ? p.lifelongExemption() : null,
					terms ? p.exemptionYears() : null, terms && !source.isEmpty() ? source : null, p.effectiveFrom(), reason,
					Viewer.actingAccount())
			.query(Long.class).single();
		return change(id);
	}

	/**
	 * A second regulator applies the change. The list must allow it on its date: a condition is added only when it is
	 * not listed that day, changed or retired only when it is.
	 */
	@Transactional
	public LongTermConditionChange approve(long id) {
		LongTermConditionChange change = locked(id);
		String checker = Viewer.actingAccount();
		change.decidedBy(checker);
		// One change of the list at a time, so that two approvals never both find a condition unlisted.
		jdbc.sql("lock table long_term_condition in share row exclusive mode").update();
		boolean listed = limits.condition(change.code(), change.effectiveFrom()).isPresent();
		boolean known = limits.condition(change.code()).isPresent();
		switch (change.action()) {
			case ADD -> {
				if (listed) {
					throw new RuleBroken("code", "not-listed", "condition " + change.code() + " is on the list on "
							+ change.effectiveFrom());
				}
				if (!known) {
					jdbc.sql("""
							insert into long_term_condition (code, label, lifelong_exemption, exemption_years, source, listed_from)
							values (?, ?, ?, ?, ?, ?)""")
						.params(change.code(), change.label(), change.lifelongExemption(), change.exemptionYears(),
								change.source(), change.effectiveFrom())
						.update();
				}
			}
			case CHANGE, RETIRE -> {
				if (!listed) {
					throw new RuleBroken("code", "listed", "condition " + change.code() + " is not on the list on "
							+ change.effectiveFrom());
				}
			}
		}
		jdbc.sql("update long_term_condition_change set status = 'APPLIED', decided_by = ?, decided_at = now() where id = ?")
			.params(checker, id).update();
		return change(id);
	}

	@Transactional
	public LongTermConditionChange reject(long id, String note) {
		String text = InvalidInput.requiredText("note", note, 2000);
		if (InputBounds.textProblem(text) != null) {
			throw new InvalidInput("note", "text", InputBounds.textProblem(text));
		}
		LongTermConditionChange change = locked(id);
		String checker = Viewer.actingAccount();
		change.decidedBy(checker);
		jdbc.sql("""
				update long_term_condition_change set status = 'REJECTED', decided_by = ?, decided_at = now(), decision_note = ?
				where id = ?""")
			.params(checker, text, id).update();
		return change(id);
	}

	public LongTermConditionChange change(long id) {
		return jdbc.sql("select " + COLUMNS + " from long_term_condition_change where id = ?").param(id)
			.query(LongTermConditionChanges::change).optional()
			.orElseThrow(() -> new NotFound("id", "no ALD list change " + id));
	}

	/** The changes in a status, oldest first (the checkers' queue), or all, newest first; at most 500. */
	public List<LongTermConditionChange> changes(LongTermConditionChange.Status status) {
		return status == null
				? jdbc.sql("select " + COLUMNS + " from long_term_condition_change order by proposed_at desc, id desc limit 500")
					.query(LongTermConditionChanges::change).list()
				: jdbc.sql("select " + COLUMNS + " from long_term_condition_change where status = ? order by proposed_at, id limit 500")
					.param(status.name()).query(LongTermConditionChanges::change).list();
	}

	private LongTermConditionChange locked(long id) {
		jdbc.sql("select id from long_term_condition_change where id = ? for update").param(id).query(Long.class).optional()
			.orElseThrow(() -> new NotFound("id", "no ALD list change " + id));
		return change(id);
	}

	private static void textRequired(String field, String text, int max, List<Violation> violations) {
		if (text.isEmpty()) {
			violations.add(new Violation(field, "required", "is required"));
		}
		else if (InputBounds.textProblem(text, max) != null) {
			violations.add(new Violation(field, "text", InputBounds.textProblem(text, max)));
		}
	}

	private static LongTermConditionChange change(ResultSet rs, int n) throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new LongTermConditionChange(rs.getLong("id"), LongTermConditionChange.Action.valueOf(rs.getString("action")),
				rs.getInt("code"), rs.getString("label"), (Boolean) rs.getObject("lifelong_exemption"),
				(Integer) rs.getObject("exemption_years"), rs.getString("source"),
				rs.getObject("effective_from", LocalDate.class), rs.getString("reason"),
				LongTermConditionChange.Status.valueOf(rs.getString("status")), rs.getString("proposed_by"),
				rs.getTimestamp("proposed_at").toInstant(), rs.getString("decided_by"),
				decided == null ? null : decided.toInstant(), rs.getString("decision_note"));
	}

	private static String text(String value) {
		return value == null ? "" : value.strip();
	}
}
