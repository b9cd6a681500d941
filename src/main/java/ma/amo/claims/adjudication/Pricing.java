package ma.amo.claims.adjudication;

import java.util.List;

import ma.amo.enrolment.Regime;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.tariffs.PricingOutcome;
import ma.amo.tariffs.Quotes;
import org.springframework.stereotype.Component;

/**
 * Prices each line with the quote of the tariffs module at the date of care (base, rate of the regime for the care
 * category, sector and exemption; covered = min(billed, base) × rate): an act or medicine unknown on that date, an
 * excluded act or a 0 % medicine is rejected. A line billed above its base is accepted: it is reimbursed on the base,
 * as for every line, and the note says the patient pays the difference (amo-rules.md, "What is reimbursed": a provider
 * charging free fees is still reimbursed on the TNR). Only a rule that cuts what the base would cover (a ceiling, a
 * penalty) reduces a line.
 */
@Component
class Pricing implements Rule {

	private final Quotes quotes;

	Pricing(Quotes quotes) {
		this.quotes = quotes;
	}

	public String code() {
		return "NOT_COVERED";
	}

	public String label() {
		return "Acte ou médicament inconnu, exclu ou non remboursable à la date des soins";
	}

	public String source() {
		return "amo-rules.md, What is reimbursed; TNR 2006; GMR";
	}

	private static String refusal(PricingOutcome outcome) {
		return switch (outcome) {
			case EXCLUDED_ACT -> "exclu du panier de soins";
			case NOT_REIMBURSABLE_MEDICINE -> "médicament remboursé à 0 %";
			case KEY_LETTER_WITHOUT_VALUE -> "lettre clé sans valeur dans le tarif à la date des soins";
			case AMOUNT_WITHOUT_VALUE -> "tarif journalier ou forfait sans valeur dans le tarif à la date des soins";
			case PRICED -> throw new IllegalArgumentException("a priced line is not refused");
		};
	}

	public void apply(Adjudicating claim) {
		if (claim.allRejected()) {
			return;
		}
		Regime regime = claim.rights().regime();
		for (LineDecision line : claim.lines()) {
			if (line.rejected()) {
				continue;
			}
			var request = line.request();
			Quotes.QuotedLine quoted;
			try {
				quoted = quotes.quote(new Quotes.Request(regime, claim.careDate(), null, claim.sector(), claim.exempted(),
						List.of(new Quotes.Line(request.actCode(), request.coefficient(), request.medicineCode(),
								request.quantity(), request.billed().amount())))).lines().getFirst();
			}
			catch (InvalidInput | NotFound e) {
				line.reject(this, line.code() + " inconnu ou incomplet au " + Dates.french(claim.careDate()) + " ("
						+ e.getMessage() + ")");
				continue;
			}
			quoted.notes().forEach(n -> line.note(new Explanation(n.code().name(), n.text(), n.figures())));
			line.priced(quoted.careCategory(), quoted.base(), quoted.ratePercent(), quoted.covered(),
					quoted.priorApprovalRequired());
			if (quoted.outcome().refused()) {
				line.reject(this, refusal(quoted.outcome()), Explanation.figures("pricing", quoted.outcome().name()));
			}
		}
	}
}
