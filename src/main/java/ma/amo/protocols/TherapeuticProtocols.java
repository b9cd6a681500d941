package ma.amo.protocols;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import ma.amo.shared.InputBounds;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.RuleBroken;
import ma.amo.shared.Viewer;
import ma.amo.shared.Violation;
import ma.amo.tariffs.CareLimits;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The regulator's therapeutic protocols: a regulator proposes a version of a condition's protocol (its days, source and
 * items), a second regulator approves or rejects it; payer agents and the claims' adjudication read the approved
 * versions. Source: issue 18 (the regulator's protocols by condition), amo-rules.md "Long-term conditions".
 */
@Service
public class TherapeuticProtocols {

	static final int MAX_ITEMS = 60;
	/** A tariff code or key letter, as the reference tariff writes them. */
	static final Pattern ACT_CODE = Pattern.compile("[A-Za-z0-9_]{1,20}");
	/** A DCI as the medicines referential writes it (combinations joined by " / "). */
	static final Pattern DCI = Pattern.compile("[A-Za-z0-9 /'().,+-]{2,120}");

	private static final String COLUMNS = """
			id, condition, version, effective_from, effective_until, source, status, proposed_by, proposed_at,
			  decided_by, decided_at, decision_note""";

	private final JdbcClient jdbc;
	private final CareLimits limits;

	TherapeuticProtocols(JdbcClient jdbc, CareLimits limits) {
		this.jdbc = jdbc;
		this.limits = limits;
	}

	/** A protocol version proposed: the condition, its days, the source of its text, its items. */
	@Schema(name = "ProtocolProposal")
	public record Proposal(Integer conditionCode, LocalDate effectiveFrom, LocalDate effectiveUntil,
			@Size(max = 500) String source, @Size(max = MAX_ITEMS) List<@Valid Item> items) {
	}

	/** An item proposed: the kind, the act code, key letter or DCI, a label, and the frequency. */
	@Schema(name = "ProtocolItemProposal")
	public record Item(ProtocolItem.Kind kind, @Size(max = 120) String code, @Size(max = 200) String label,
			Integer maxCount, ProtocolItem.Period period) {
	}

	@Transactional
	public ProtocolVersion propose(Proposal p) {
		if (p == null) {
			throw new InvalidInput("conditionCode", "required", "is required");
		}
		List<Violation> violations = new ArrayList<>();
		if (p.conditionCode() == null) {
			violations.add(new Violation("conditionCode", "required", "is required"));
		}
		else if (limits.condition(p.conditionCode()).isEmpty()) {
			violations.add(new Violation("conditionCode", "known-condition", "no long-term condition " + p.conditionCode() + " in the list"));
		}
		if (p.effectiveFrom() == null || InputBounds.dateProblem(p.effectiveFrom()) != null) {
			violations.add(new Violation("effectiveFrom", "required", "a date between 1900 and 2100"));
		}
		if (p.effectiveUntil() != null && (InputBounds.dateProblem(p.effectiveUntil()) != null
				|| p.effectiveFrom() != null && p.effectiveUntil().isBefore(p.effectiveFrom()))) {
			violations.add(new Violation("effectiveUntil", "after-start", "a date between 1900 and 2100, not before the start"));
		}
		String source = text(p.source());
		if (source.isEmpty()) {
			violations.add(new Violation("source", "required", "the text the protocol comes from"));
		}
		else if (InputBounds.textProblem(source, 500) != null) {
			violations.add(new Violation("source", "text", InputBounds.textProblem(source, 500)));
		}
		List<ProtocolItem> items = items(p.items(), violations);
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		// One lock per condition, so that two proposals for it get different version numbers.
		jdbc.sql("select pg_advisory_xact_lock(18005, ?)").param(p.conditionCode()).query((RowCallbackHandler) rs -> { });
		int version = jdbc.sql("select coalesce(max(version), 0) + 1 from protocol_version where condition = ?")
			.param(p.conditionCode()).query(Integer.class).single();
		long id = jdbc.sql("""
				insert into protocol_version (condition, version, effective_from, effective_until, source, status, proposed_by)
				values (?, ?, ?, ?, ?, 'PROPOSED', ?) returning id""")
			.params(p.conditionCode(), version, p.effectiveFrom(), p.effectiveUntil(), source, Viewer.actingAccount())
			.query(Long.class).single();
		for (ProtocolItem item : items) {
			jdbc.sql("""
					insert into protocol_item (version_id, position, kind, code, label, max_count, period)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(id, item.position(), item.kind().name(), item.code(), item.label(), item.maxCount(), item.period().name())
				.update();
		}
		return version(id);
	}

	/** A second regulator approves the version: from then on it applies to the care of its days. */
	@Transactional
	public ProtocolVersion approve(long id) {
		ProtocolVersion version = locked(id);
		String checker = Viewer.actingAccount();
		version.decidedBy(checker);
		boolean sameStart = jdbc.sql("""
				select exists (select 1 from protocol_version where condition = ? and effective_from = ? and status = 'APPROVED')""")
			.params(version.conditionCode(), version.effectiveFrom()).query(Boolean.class).single();
		if (sameStart) {
			throw new RuleBroken("effectiveFrom", "one-version-a-day", "an approved version of the protocol of condition "
					+ version.conditionCode() + " already starts on " + version.effectiveFrom());
		}
		jdbc.sql("update protocol_version set status = 'APPROVED', decided_by = ?, decided_at = now() where id = ?")
			.params(checker, id).update();
		return version(id);
	}

	@Transactional
	public ProtocolVersion reject(long id, String note) {
		String text = InvalidInput.requiredText("note", note, 2000);
		if (InputBounds.textProblem(text) != null) {
			throw new InvalidInput("note", "text", InputBounds.textProblem(text));
		}
		ProtocolVersion version = locked(id);
		String checker = Viewer.actingAccount();
		version.decidedBy(checker);
		jdbc.sql("update protocol_version set status = 'REJECTED', decided_by = ?, decided_at = now(), decision_note = ? where id = ?")
			.params(checker, text, id).update();
		return version(id);
	}

	public ProtocolVersion version(long id) {
		return read(" where id = ?", List.of(id)).stream().findFirst()
			.orElseThrow(() -> new NotFound("id", "no protocol version " + id));
	}

	/** The versions of a condition (or of all), in a status (or all): by condition, the latest start first. */
	public List<ProtocolVersion> versions(Integer condition, ProtocolVersion.Status status) {
		List<Object> params = new ArrayList<>();
		List<String> where = new ArrayList<>();
		if (condition != null) {
			where.add("condition = ?");
			params.add(condition);
		}
		if (status != null) {
			where.add("status = ?");
			params.add(status.name());
		}
		return read(where.isEmpty() ? "" : " where " + String.join(" and ", where), params);
	}

	/** Every approved version with its items: what adjudication reads once for a chunk of claims. */
	public List<ProtocolVersion> approved() {
		return versions(null, ProtocolVersion.Status.APPROVED);
	}

	/** The approved version of a condition's protocol in force on {@code date}; empty when it has none that day. */
	public Optional<ProtocolVersion> inForce(int condition, LocalDate date) {
		return ProtocolVersion.inForce(versions(condition, ProtocolVersion.Status.APPROVED), condition, date);
	}

	private List<ProtocolItem> items(List<Item> proposed, List<Violation> violations) {
		List<ProtocolItem> items = new ArrayList<>();
		if (proposed == null || proposed.isEmpty()) {
			violations.add(new Violation("items", "required", "at least one act, examination or medicine"));
			return items;
		}
		if (proposed.size() > MAX_ITEMS) {
			violations.add(new Violation("items", "max-size", "at most " + MAX_ITEMS + " items"));
			return items;
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < proposed.size(); i++) {
			Item item = proposed.get(i);
			String at = "items[" + i + "].";
			if (item == null) {
				violations.add(new Violation("items[" + i + "]", "required", "an item"));
				continue;
			}
			int before = violations.size();
			if (item.kind() == null) {
				violations.add(new Violation(at + "kind", "required", "ACT, EXAMINATION or MEDICINE"));
			}
			String code = text(item.code());
			if (item.kind() == ProtocolItem.Kind.MEDICINE) {
				code = code.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
				if (!DCI.matcher(code).matches()) {
					violations.add(new Violation(at + "code", "dci", "a DCI: 2 to 120 letters, digits, spaces and / ' ( ) . , + -"));
				}
			}
			else if (item.kind() != null && !ACT_CODE.matcher(code).matches()) {
				violations.add(new Violation(at + "code", "act-code", "a tariff code or key letter: 1 to 20 letters, digits or _"));
			}
			String label = text(item.label());
			if (label.isEmpty()) {
				violations.add(new Violation(at + "label", "required", "is required"));
			}
			else if (InputBounds.textProblem(label, 200) != null) {
				violations.add(new Violation(at + "label", "text", InputBounds.textProblem(label, 200)));
			}
			if (item.maxCount() == null || item.maxCount() < 1 || item.maxCount() > 999) {
				violations.add(new Violation(at + "maxCount", "range", "a count between 1 and 999"));
			}
			if (item.period() == null) {
				violations.add(new Violation(at + "period", "required", "MONTH, QUARTER or YEAR"));
			}
			if (violations.size() > before) {
				continue;
			}
			if (!seen.add(item.kind() + " " + code.toUpperCase(Locale.ROOT))) {
				violations.add(new Violation(at + "code", "unique", "the same item is listed twice"));
				continue;
			}
			items.add(new ProtocolItem(i + 1, item.kind(), code, label, item.maxCount(), item.period()));
		}
		return items;
	}

	private ProtocolVersion locked(long id) {
		jdbc.sql("select id from protocol_version where id = ? for update").param(id).query(Long.class).optional()
			.orElseThrow(() -> new NotFound("id", "no protocol version " + id));
		return version(id);
	}

	private List<ProtocolVersion> read(String where, List<Object> params) {
		Map<Long, List<ProtocolItem>> items = new HashMap<>();
		jdbc.sql("select i.version_id, i.position, i.kind, i.code, i.label, i.max_count, i.period from protocol_item i"
				+ " where i.version_id in (select id from protocol_version" + where + ") order by i.version_id, i.position")
			.params(params)
			.query((RowCallbackHandler) rs -> items.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new ProtocolItem(rs.getInt(2), ProtocolItem.Kind.valueOf(rs.getString(3)), rs.getString(4),
						rs.getString(5), rs.getInt(6), ProtocolItem.Period.valueOf(rs.getString(7)))));
		Map<Integer, String> labels = new HashMap<>();
		limits.conditions().forEach(c -> labels.put(c.code(), c.label()));
		return jdbc.sql("select " + COLUMNS + " from protocol_version" + where
				+ " order by condition, effective_from desc, version desc")
			.params(params)
			.query((rs, n) -> version(rs, labels, items))
			.list();
	}

	private static ProtocolVersion version(ResultSet rs, Map<Integer, String> labels, Map<Long, List<ProtocolItem>> items)
			throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		int condition = rs.getInt("condition");
		return new ProtocolVersion(rs.getLong("id"), condition, labels.get(condition), rs.getInt("version"),
				rs.getObject("effective_from", LocalDate.class), rs.getObject("effective_until", LocalDate.class),
				rs.getString("source"), ProtocolVersion.Status.valueOf(rs.getString("status")), rs.getString("proposed_by"),
				rs.getTimestamp("proposed_at").toInstant(), rs.getString("decided_by"),
				decided == null ? null : decided.toInstant(), rs.getString("decision_note"),
				List.copyOf(items.getOrDefault(rs.getLong("id"), List.of())));
	}

	private static String text(String value) {
		return value == null ? "" : value.strip();
	}
}
