package ma.amo.tariffs;

import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import ma.amo.parameters.ParameterValues;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.Money;
import ma.amo.shared.NotFound;
import ma.amo.shared.Rate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The medicines referential by version. A new version is proposed from the payer's file (all or nothing: one bad
 * row and nothing is stored), then published by a second agent (maker-checker); the base of a medicine on a date is
 * read from the published version in force on that date. Published versions never change, so each is held in memory
 * once read: a medicine line of a quote costs no query.
 */
@Service
public class MedicineReferentials {

	private static final String REFERENTIAL = "id, effective_from, status, file_name, medicines, proposed_by, proposed_at, decided_by, decided_at";
	private static final String MEDICINE = "code, name, dci, dosage, form, presentation, ppv, ph, prix_br, brand_or_generic, reimbursement_rate, therapeutic_class";

	private final JdbcClient jdbc;
	private final ParameterValues parameters;
	private final VersionDecisions decisions;
	/** Published versions by effective date, read again after each decision. */
	private volatile NavigableMap<LocalDate, Long> published;
	/** Published versions never change: each is read once, when a quote first needs it. */
	private final Map<Long, Published> versions = new ConcurrentHashMap<>();

	/** A published version's medicines by code and by generic group (DCI, dosage, form, presentation). */
	private record Published(Map<String, Medicine> byCode, Map<List<String>, List<Medicine>> groups) {

		static List<String> group(Medicine m) {
			return List.of(m.dci(), m.dosage(), m.form(), m.presentation());
		}
	}

	MedicineReferentials(JdbcClient jdbc, ParameterValues parameters, VersionDecisions decisions) {
		this.jdbc = jdbc;
		this.parameters = parameters;
		this.decisions = decisions;
	}

	/** The outcome of a proposal: the stored version, or the rejected rows (then nothing was stored). */
	public record Proposal(MedicineReferential referential, List<Rejected> rejected) {
	}

	@io.swagger.v3.oas.annotations.media.Schema(name = "MedicineRejectedRow")
	public record Rejected(long line, String field, String reason) {
	}

	@Transactional
	public Proposal propose(InputStream content, boolean excel, String fileName, LocalDate effectiveFrom,
			String proposedBy) {
		return propose(content, excel, fileName, effectiveFrom, proposedBy, ma.amo.shared.ImportProgress.NONE);
	}

	/** The same proposal, reporting the rows checked and then stored as it goes. */
	@Transactional
	public Proposal propose(InputStream content, boolean excel, String fileName, LocalDate effectiveFrom,
			String proposedBy, ma.amo.shared.ImportProgress progress) {
		if (effectiveFrom == null) {
			throw new InvalidInput("effectiveFrom", "required", "is required");
		}
		if (proposedBy == null || proposedBy.isBlank()) {
			throw new InvalidInput("proposedBy", "required", "is required");
		}
		MedicineFile.Parsed parsed = MedicineFile.read(content, excel, progress);
		if (!parsed.rejected().isEmpty()) {
			return new Proposal(null, parsed.rejected().stream().map(r -> new Rejected(r.line(), r.field(), r.reason())).toList());
		}
		long id = jdbc.sql("""
				insert into medicine_referential (effective_from, status, file_name, medicines, proposed_by)
				values (?, 'PROPOSED', ?, ?, ?) returning id""")
			.params(effectiveFrom, fileName, parsed.medicines().size(), proposedBy.strip()).query(Long.class).single();
		int stored = 0;
		for (Medicine m : parsed.medicines()) {
			progress.stored(++stored, parsed.medicines().size());
			jdbc.sql("insert into medicine (referential_id, " + MEDICINE + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(id, m.code(), m.name(), m.dci(), m.dosage(), m.form(), m.presentation(), m.ppv().amount(),
						m.ph() == null ? null : m.ph().amount(), m.prixBr().amount(), String.valueOf(m.brandOrGeneric()),
						m.reimbursementRate().percent(), m.therapeuticClass())
				.update();
		}
		return new Proposal(referential(id), List.of());
	}

	/** Publishes or rejects a proposed version; the agent who decides cannot be the one who proposed. */
	@Transactional
	public MedicineReferential decide(long id, String agent, boolean publish) {
		decisions.decide(VersionDecisions.Table.MEDICINES, id, agent, publish);
		// Read the published dates again once the decision is committed, not before: a quote in between would cache
		// the old list for good.
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				published = null;
			}
		});
		return referential(id);
	}

	public MedicineReferential referential(long id) {
		return jdbc.sql("select " + REFERENTIAL + " from medicine_referential where id = ?").param(id)
			.query(MedicineReferentials::referential).optional()
			.orElseThrow(() -> new NotFound("id", "no medicines referential version " + id));
	}

	public List<MedicineReferential> referentials() {
		return jdbc.sql("select " + REFERENTIAL + " from medicine_referential order by effective_from desc, id desc")
			.query(MedicineReferentials::referential).list();
	}

	/** The base of a medicine for a payer body on a date, from the published version in force then. */
	public MedicineBase base(String code, String payerBody, LocalDate date) {
		if (!"CNSS".equals(payerBody) && !"CNOPS".equals(payerBody)) {
			throw new InvalidInput("payerBody", "enum", "must be CNSS or CNOPS");
		}
		Map.Entry<LocalDate, Long> version = published().floorEntry(date);
		if (version == null) {
			throw new NotFound("date", "no medicines referential in force on " + date);
		}
		Published medicines = versions.computeIfAbsent(version.getValue(), this::load);
		Medicine medicine = medicines.byCode().get(code);
		if (medicine == null) {
			throw new NotFound("code", "medicine " + code + " is not in the referential in force on " + date);
		}
		List<Medicine> group = medicines.groups().get(Published.group(medicine));
		BaseRule rule = BaseRule.valueOf(parameters.text("medicines.base-rule." + payerBody, date));
		String column = parameters.text("medicines.price." + payerBody, date);
		Medicine reference = rule.reference(medicine, group, column);
		Money base = reference.price(column);
		String explanation = reference.code().equals(medicine.code())
				? "base = own " + column + " " + base + (group.stream().anyMatch(Medicine::generic) ? "" : " (no generic of the same DCI, dosage, form and presentation)")
				: "base = " + column + " of generic " + reference.name() + " (" + reference.code() + ") " + base + ", rule " + rule;
		if (medicine.reimbursementRate().fraction().signum() == 0) {
			explanation += "; not reimbursed (0 % in the referential)";
		}
		return new MedicineBase(medicine, payerBody, date, version.getValue(), version.getKey(), rule, column,
				reference, base, medicine.reimbursementRate(), explanation);
	}

	/** A published version and its medicines in code order: what the platform reimburses on its dates. */
	public record InForce(long id, LocalDate effectiveFrom, List<Medicine> medicines) {
	}

	/**
	 * The published version in force on {@code date} and its medicines, if any: held in memory like every published
	 * version, so a caller that keys its own rendering on {@link InForce#id()} builds it once per version.
	 */
	public java.util.Optional<InForce> inForce(LocalDate date) {
		Map.Entry<LocalDate, Long> version = published().floorEntry(date);
		if (version == null) {
			return java.util.Optional.empty();
		}
		Published medicines = versions.computeIfAbsent(version.getValue(), this::load);
		return java.util.Optional.of(new InForce(version.getValue(), version.getKey(), medicines.byCode().values()
			.stream().sorted(java.util.Comparator.comparing(Medicine::code)).toList()));
	}

	/** The published version in force on {@code date}, if any. */
	java.util.Optional<Long> versionOn(LocalDate date) {
		return java.util.Optional.ofNullable(published().floorEntry(date)).map(Map.Entry::getValue);
	}

	static final String MEDICINE_COLUMNS = MEDICINE;

	static Medicine medicineRow(ResultSet rs, int n) throws SQLException {
		return medicine(rs, n);
	}

	private NavigableMap<LocalDate, Long> published() {
		NavigableMap<LocalDate, Long> dates = published;
		if (dates == null) {
			TreeMap<LocalDate, Long> loaded = new TreeMap<>();
			jdbc.sql("select effective_from, id from medicine_referential where status = 'PUBLISHED'")
				.query((rs, n) -> loaded.put(rs.getObject(1, LocalDate.class), rs.getLong(2))).list();
			dates = Collections.unmodifiableNavigableMap(loaded);
			published = dates;
		}
		return dates;
	}

	private Published load(long versionId) {
		Map<String, Medicine> byCode = new HashMap<>();
		Map<List<String>, List<Medicine>> groups = new HashMap<>();
		for (Medicine m : jdbc.sql("select " + MEDICINE + " from medicine where referential_id = ?").param(versionId)
			.query(MedicineReferentials::medicine).list()) {
			byCode.put(m.code(), m);
			groups.computeIfAbsent(Published.group(m), k -> new ArrayList<>()).add(m);
		}
		return new Published(Map.copyOf(byCode), Map.copyOf(groups));
	}

	private static MedicineReferential referential(ResultSet rs, int n) throws SQLException {
		Timestamp decided = rs.getTimestamp(9);
		return new MedicineReferential(rs.getLong(1), rs.getObject(2, LocalDate.class),
				MedicineReferential.Status.valueOf(rs.getString(3)), rs.getString(4), rs.getInt(5), rs.getString(6),
				rs.getTimestamp(7).toInstant(), rs.getString(8), decided == null ? null : decided.toInstant());
	}

	private static Medicine medicine(ResultSet rs, int n) throws SQLException {
		BigDecimal ph = rs.getBigDecimal(8);
		return new Medicine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), new Money(rs.getBigDecimal(7)), ph == null ? null : new Money(ph),
				new Money(rs.getBigDecimal(9)), rs.getString(10).charAt(0), Rate.percent(rs.getInt(11)),
				rs.getString(12));
	}
}
