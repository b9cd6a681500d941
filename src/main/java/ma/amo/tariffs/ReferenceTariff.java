package ma.amo.tariffs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import ma.amo.shared.Money;
import ma.amo.shared.NotFound;
import ma.amo.shared.Rate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The national reference tariff and coverage rates as of a date. A published version never changes, so its acts and
 * key letters are held in memory once read; which version is in force is re-read whenever a version is decided.
 * Coverage rates change only by migration and are read once. Pricing a line then needs no query: the quote is the
 * claims engine's hot path.
 */
@Service
public class ReferenceTariff {

	private final JdbcClient jdbc;
	private volatile NavigableMap<LocalDate, Long> published;
	private final Map<Long, Map<String, Act>> acts = new ConcurrentHashMap<>();
	private final Map<Long, List<KeyLetterRow>> letters = new ConcurrentHashMap<>();
	private volatile List<RateRow> rates;

	ReferenceTariff(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An act of the nomenclature in the version in force; a null coefficient is given on each claim line. An act
	 * priced by a DAILY_RATE (a stay) or a FLAT_AMOUNT (an optical item, a device) has an amount and no key letter;
	 * a null amount is a rate not known yet.
	 */
	public record Act(long versionId, String versionName, String code, String label, String keyLetter,
			BigDecimal coefficient, String careCategory, boolean priorApproval, boolean excluded, PricedBy pricedBy,
			Optional<Money> amount) {
	}

	/** How an act's base is set: key letter × coefficient, daily rate × days, or flat amount × quantity. */
	public enum PricedBy {
		KEY_LETTER, DAILY_RATE, FLAT_AMOUNT
	}

	/** A key letter's value in a version for a payer body and sector; empty value while unknown. */
	public record KeyLetterValue(long versionId, String letter, String label, Optional<Money> value) {
	}

	private record KeyLetterRow(String letter, String label, String payerBody, String sector, BigDecimal value) {
	}

	private record RateRow(String regime, String careCategory, String sector, boolean exempted, LocalDate from,
			int percent) {
	}

	public Optional<Act> act(String code, LocalDate date) {
		Map.Entry<LocalDate, Long> version = published().floorEntry(date);
		if (version == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(acts.computeIfAbsent(version.getValue(), this::loadActs).get(code));
	}

	/**
	 * The named acts of a version coded with this key letter and coefficient (APPENDICECTOMIE for K 70): what a line
	 * sent as the letter and a coefficient really is.
	 */
	public List<Act> namedActs(long versionId, String keyLetter, BigDecimal coefficient) {
		return acts.computeIfAbsent(versionId, this::loadActs).values().stream()
			.filter(a -> keyLetter.equals(a.keyLetter()) && !a.code().equals(keyLetter) && a.coefficient() != null
					&& a.coefficient().compareTo(coefficient) == 0)
			.sorted(Comparator.comparing(Act::code))
			.toList();
	}

	/** The most specific value of the letter in a version: payer and sector first, then payer, then sector, then all. */
	public KeyLetterValue keyLetter(long versionId, String letter, String payerBody, String sector) {
		return letters.computeIfAbsent(versionId, this::loadLetters).stream()
			.filter(k -> k.letter().equals(letter))
			.filter(k -> k.payerBody() == null || k.payerBody().equals(payerBody))
			.filter(k -> k.sector() == null || k.sector().equals(sector))
			.max(Comparator.comparing((KeyLetterRow k) -> k.payerBody() != null).thenComparing(k -> k.sector() != null))
			.map(k -> new KeyLetterValue(versionId, k.letter(), k.label(), Optional.ofNullable(k.value()).map(Money::new)))
			.orElseThrow(() -> new NotFound("keyLetter", "key letter " + letter + " has no value in tariff version " + versionId));
	}

	/** The coverage rate in force on a date, the sector-specific rate before the general one. */
	public Rate coverage(String regime, String careCategory, String sector, boolean exempted, LocalDate date) {
		return rates().stream()
			.filter(r -> r.regime().equals(regime) && r.careCategory().equals(careCategory) && r.exempted() == exempted)
			.filter(r -> r.sector() == null || r.sector().equals(sector))
			.filter(r -> !r.from().isAfter(date))
			.max(Comparator.comparing((RateRow r) -> r.sector() != null).thenComparing(RateRow::from))
			.map(r -> Rate.percent(r.percent()))
			.orElseThrow(() -> new NotFound("regime", "no coverage rate for " + regime + " / " + careCategory + " on " + date));
	}

	/** Forgets which version is in force, after a version was published or rejected. */
	void versionsChanged() {
		published = null;
	}

	private NavigableMap<LocalDate, Long> published() {
		NavigableMap<LocalDate, Long> current = published;
		if (current == null) {
			current = new TreeMap<>();
			for (var row : jdbc.sql("select effective_from, id from tariff_version where status = 'PUBLISHED'")
				.query((rs, n) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getLong(2))).list()) {
				current.put(row.getKey(), row.getValue());
			}
			published = current;
		}
		return current;
	}

	private Map<String, Act> loadActs(long versionId) {
		return jdbc.sql("""
				select a.version_id, v.name, a.code, a.label, a.key_letter, a.coefficient, a.care_category,
				  a.prior_approval, a.excluded, a.priced_by, a.amount
				from act a join tariff_version v on v.id = a.version_id where a.version_id = ?""")
			.param(versionId)
			.query((rs, n) -> new Act(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getBigDecimal(6), rs.getString(7), rs.getBoolean(8), rs.getBoolean(9),
					PricedBy.valueOf(rs.getString(10)), Optional.ofNullable(rs.getBigDecimal(11)).map(Money::new)))
			.list().stream().collect(Collectors.toUnmodifiableMap(Act::code, Function.identity()));
	}

	private List<KeyLetterRow> loadLetters(long versionId) {
		return jdbc.sql("select letter, label, payer_body, sector, value from key_letter_value where version_id = ?")
			.param(versionId)
			.query((rs, n) -> new KeyLetterRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getBigDecimal(5)))
			.list();
	}

	private List<RateRow> rates() {
		List<RateRow> current = rates;
		if (current == null) {
			current = jdbc.sql("select regime, care_category, sector, exempted, effective_from, rate_percent from coverage_rate")
				.query((rs, n) -> new RateRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
						rs.getObject(5, LocalDate.class), rs.getInt(6)))
				.list();
			rates = current;
		}
		return current;
	}
}
