package ma.amo.claims.adjudication;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ma.amo.parameters.ParameterValues;
import ma.amo.shared.Money;
import ma.amo.tariffs.CareLimits;
import org.springframework.stereotype.Component;

/**
 * Ceilings of flat-rate care over a period (amo-rules.md; e.g. dental prostheses 3,000 DH per 24 months): what this
 * claim covers for an item, added to what the patient's other claims covered for it within the period, may not pass
 * the ceiling in force on the date of care; the line is reduced to what is left. Which act codes count towards which
 * item is a parameter ({@code claims.ceiling-items}).
 */
@Component
class Ceilings implements Rule {

	private final CareLimits limits;
	private final ParameterValues parameters;

	Ceilings(CareLimits limits, ParameterValues parameters) {
		this.limits = limits;
		this.parameters = parameters;
	}

	public String code() {
		return "CEILING_REACHED";
	}

	public String label() {
		return "Plafond de prise en charge atteint sur la période";
	}

	public String source() {
		return "amo-rules.md, What is reimbursed (ceilings and frequencies)";
	}

	public void apply(Adjudicating claim) {
		Map<String, String> items = CeilingItems.on(parameters, claim.careDate());
		Map<String, Money> usedInClaim = new HashMap<>();
		List<CareLimits.Ceiling> ceilings = null;
		for (LineDecision line : claim.lines()) {
			String item = items.get(line.code());
			if (line.rejected() || item == null) {
				continue;
			}
			if (ceilings == null) {
				ceilings = limits.ceilings(claim.careDate());
			}
			CareLimits.Ceiling ceiling = ceilings.stream()
				.filter(c -> c.item().equals(item) && c.amount() != null).findFirst().orElse(null);
			if (ceiling == null) {
				continue;
			}
			Money before = ceiling.periodMonths() == null ? Money.ZERO
					: claim.coveredSince(line.code(), claim.careDate().minusMonths(ceiling.periodMonths()).plusDays(1));
			Money used = before.plus(usedInClaim.getOrDefault(item, Money.ZERO));
			Money left = new Money(ceiling.amount()).minus(used);
			if (left.isNegative()) {
				left = Money.ZERO;
			}
			if (line.covered().compareTo(left) > 0) {
				line.reduce(this, left, ceiling.label() + ": plafond " + ceiling.amount().stripTrailingZeros().toPlainString()
						+ " DH" + (ceiling.periodMonths() == null ? "" : " sur " + ceiling.periodMonths() + " mois") + ", déjà pris en charge "
						+ used.amount() + " DH, reste " + left.amount() + " DH",
						Explanation.figures("item", item, "ceiling", ceiling.amount(), "periodMonths", ceiling.periodMonths(),
								"alreadyCovered", used, "left", left));
			}
			usedInClaim.merge(item, line.covered(), Money::plus);
		}
	}
}
