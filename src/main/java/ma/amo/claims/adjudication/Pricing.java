package ma.amo.claims.adjudication;

import java.util.List;

import ma.amo.enrolment.Regime;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.tariffs.Quotes;
import org.springframework.core.annotation.Order;
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
@Order(50)
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
			quoted.rules().forEach(line::note);
			boolean approval = quoted.rules().contains("PRIOR_APPROVAL_REQUIRED");
			line.priced(quoted.careCategory(), quoted.base(), quoted.ratePercent(), quoted.covered(), approval);
			if (quoted.rules().stream().anyMatch(r -> r.startsWith("EXCLUDED_ACT") || r.startsWith("NOT_REIMBURSABLE_MEDICINE")
					|| r.startsWith("KEY_LETTER_WITHOUT_VALUE"))) {
				line.reject(this, "exclu du panier de soins ou remboursé à 0 %");
			}
		}
	}
}
