package ma.amo.claims.adjudication;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ma.amo.claims.Claim;
import ma.amo.enrolment.Rights;
import ma.amo.population.Person;

/**
 * A claim while the rules run: what was submitted, the patient's rights and register entry on the date of care, the
 * sector of the care, the acts the same provider already had covered for the patient that day in other claims, the
 * decisions on the lines so far and why the claim should go to an agent.
 */
public final class Adjudicating {

	private final Claim claim;
	private final Rights rights;
	private final java.util.function.Supplier<Person> patient;
	private Person loadedPatient;
	private final List<CoveredAct> coveredElsewhere;
	private final CoveredHistory history;
	private final ConditionHistory conditionHistory;
	private final List<LineDecision> lines = new ArrayList<>();
	private final Set<String> reviewReasons = new LinkedHashSet<>();
	private final Map<Object, Object> lookups;
	private String sector;
	private boolean exempted;

	/** What other claims of the patient had covered for a code since a date (for ceilings over a period). */
	public interface CoveredHistory {
		ma.amo.shared.Money coveredSince(String code, LocalDate from);
	}

	/**
	 * The lines other claims of the patient citing a long-term condition had covered (not rejected), with care from a
	 * date up to this claim's: what a protocol's frequencies are counted on.
	 */
	public interface ConditionHistory {
		List<EarlierLine> linesSince(int condition, LocalDate from);
	}

	/** A line another claim covered under a condition: its date of care and its act or medicine code. */
	public record EarlierLine(LocalDate careDate, String actCode, String medicineCode) {
	}

	/**
	 * @param lookups answers of the referentials shared by the claims adjudicated together (a provider's status on a
	 *        day, an establishment): read once for a chunk of claims, all in the same transaction
	 */
	public Adjudicating(Claim claim, Rights rights, java.util.function.Supplier<Person> patient,
			List<CoveredAct> coveredElsewhere, CoveredHistory history, ConditionHistory conditionHistory,
			Map<Object, Object> lookups) {
		this.history = history;
		this.conditionHistory = conditionHistory;
		this.lookups = lookups;
		this.claim = claim;
		this.rights = rights;
		this.patient = patient;
		this.coveredElsewhere = coveredElsewhere;
		claim.lines().forEach(l -> lines.add(new LineDecision(l)));
	}

	public Claim claim() {
		return claim;
	}

	/** The patient's rights on the date of care; null when the patient is not in the population register. */
	public Rights rights() {
		return rights;
	}

	/** The patient's register entry, read only when a rule needs it (most claims never do). */
	public Person patient() {
		if (loadedPatient == null) {
			loadedPatient = patient.get();
		}
		return loadedPatient;
	}

	/** What a rule read beforehand for the whole chunk ({@link Rule#prepare}) under {@code key}; null if nothing. */
	@SuppressWarnings("unchecked")
	<T> T prepared(Class<T> key) {
		return (T) lookups.get(key);
	}

	/** A referential's answer for {@code key}, read with {@code load} the first time the claims of the chunk ask. */
	@SuppressWarnings("unchecked")
	<T> T lookup(Object key, java.util.function.Supplier<T> load) {
		Object known = lookups.get(key);
		if (known == null) {
			known = load.get();
			lookups.put(key, known);
		}
		return (T) known;
	}

	public LocalDate careDate() {
		return claim.careDate();
	}

	public List<LineDecision> lines() {
		return lines;
	}

	List<CoveredAct> coveredElsewhere() {
		return coveredElsewhere;
	}

	ma.amo.shared.Money coveredSince(String code, LocalDate from) {
		return history.coveredSince(code, from);
	}

	List<EarlierLine> conditionLinesSince(int condition, LocalDate from) {
		return conditionHistory.linesSince(condition, from);
	}

	public List<String> reviewReasons() {
		return List.copyOf(reviewReasons);
	}

	/** PUBLIC or PRIVATE, once the provider rule has found it. */
	public String sector() {
		return sector;
	}

	void sector(String sector) {
		this.sector = sector;
	}

	boolean exempted() {
		return exempted;
	}

	void exempted(boolean exempted) {
		this.exempted = exempted;
	}

	boolean allRejected() {
		return lines.stream().allMatch(LineDecision::rejected);
	}

	void rejectAll(Rule rule, String why) {
		lines.stream().filter(l -> !l.rejected()).forEach(l -> l.reject(rule, why));
	}

	void review(Rule rule, String why) {
		reviewReasons.add(rule.code() + ": " + why);
	}
}
