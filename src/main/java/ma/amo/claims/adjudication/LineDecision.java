package ma.amo.claims.adjudication;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ma.amo.claims.Claim;
import ma.amo.shared.Money;

/**
 * The decision on one line as the rules build it: accepted until a rule reduces or rejects it, priced by the quote,
 * with every reason in the order the rules gave them.
 */
public final class LineDecision {

	private final Claim.Line line;
	private Claim.Outcome outcome = Claim.Outcome.ACCEPTED;
	private Money base;
	private Integer ratePercent;
	private Money covered = Money.ZERO;
	private Money patientShare;
	private Money stateShare = Money.ZERO;
	private boolean needsPriorApproval;
	private String careCategory;
	private final List<Explanation> reasons = new ArrayList<>();

	LineDecision(Claim.Line line) {
		this.line = line;
		this.patientShare = line.billed();
	}

	public int line() {
		return line.line();
	}

	public String code() {
		return line.actCode() != null ? line.actCode() : line.medicineCode();
	}

	/** The act (code and coefficient) or medicine of the line, as duplicates are judged. */
	public CoveredAct act() {
		return CoveredAct.of(this);
	}

	Claim.Line request() {
		return line;
	}

	public Claim.Outcome outcome() {
		return outcome;
	}

	public Money base() {
		return base;
	}

	public Integer ratePercent() {
		return ratePercent;
	}

	public Money covered() {
		return covered;
	}

	public Money patientShare() {
		return patientShare;
	}

	public Money stateShare() {
		return stateShare;
	}

	public List<Explanation> reasons() {
		return List.copyOf(reasons);
	}

	boolean rejected() {
		return outcome == Claim.Outcome.REJECTED;
	}

	/** The tariff's care category of the line (AMBULATORY, MEDICINES...), once priced. */
	String careCategory() {
		return careCategory;
	}

	boolean needsPriorApproval() {
		return needsPriorApproval;
	}

	/** Nothing is covered: the patient (or the provider) keeps the whole billed amount. */
	void reject(Rule rule, String why) {
		reject(rule, why, Map.of());
	}

	/** Rejected, with the figures that decided it. */
	void reject(Rule rule, String why, Map<String, Object> figures) {
		outcome = Claim.Outcome.REJECTED;
		covered = Money.ZERO;
		stateShare = Money.ZERO;
		patientShare = line.billed();
		reasons.add(new Explanation(rule.code(), why, figures));
	}

	void priced(String careCategory, Money base, int ratePercent, Money covered, boolean needsPriorApproval) {
		this.careCategory = careCategory;
		this.base = base;
		this.ratePercent = ratePercent;
		this.covered = covered;
		this.patientShare = line.billed().minus(covered);
		this.needsPriorApproval = needsPriorApproval;
	}

	/** Covers less than the quote: the difference goes to the patient. */
	void reduce(Rule rule, Money newCovered, String why, Map<String, Object> figures) {
		if (!rejected()) {
			outcome = Claim.Outcome.REDUCED;
			covered = newCovered;
			patientShare = line.billed().minus(newCovered).minus(stateShare);
		}
		reasons.add(new Explanation(rule.code(), why, figures));
	}

	/** The State takes the patient's share (Tadamon in a public establishment). */
	void stateTakesPatientShare(Rule rule, String why) {
		if (!rejected()) {
			stateShare = patientShare;
			patientShare = Money.ZERO;
			reasons.add(new Explanation(rule.code(), why, Explanation.figures("stateShare", stateShare)));
		}
	}

	void note(Explanation reason) {
		reasons.add(reason);
	}
}
