package ma.amo.claims.adjudication;

import java.math.BigDecimal;

import ma.amo.parameters.ParameterValues;
import ma.amo.shared.Money;
import org.springframework.stereotype.Component;

/** A claim whose covered amount reaches the review threshold in force on the date of care goes to an agent. */
@Component
class AmountThreshold implements Rule {

	private final ParameterValues parameters;

	AmountThreshold(ParameterValues parameters) {
		this.parameters = parameters;
	}

	public String code() {
		return "AMOUNT_THRESHOLD";
	}

	public String label() {
		return "Montant pris en charge atteignant le seuil de revue";
	}

	public String source() {
		return "parameter claims.review.amount-threshold";
	}

	@Override
	public ReasonCatalogue.Kind kind() {
		return ReasonCatalogue.Kind.REVIEW;
	}

	public void apply(Adjudicating claim) {
		Money covered = claim.lines().stream().map(LineDecision::covered).reduce(Money.ZERO, Money::plus);
		BigDecimal threshold = parameters.decimal("claims.review.amount-threshold", claim.careDate());
		if (covered.amount().compareTo(threshold) >= 0) {
			claim.review(this, "montant pris en charge " + covered.amount() + " DH, seuil de revue " + threshold + " DH");
		}
	}
}
