package ma.amo.tariffs;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import ma.amo.shared.Money;

/**
 * How a payer body sets the reimbursement base of a medicine that has generics of the same DCI, dosage, form and
 * presentation (amo-rules.md, "What is reimbursed"): the price of one generic of the group, or the medicine's own
 * price. A medicine without generics is always reimbursed on its own price.
 */
public enum BaseRule {
	/** CNSS: the generic priced closest to the brand (the most expensive brand when there are several). */
	CLOSEST_GENERIC,
	/** CNOPS: the most expensive generic. */
	MOST_EXPENSIVE_GENERIC,
	/** Every medicine on its own price. */
	OWN_PRICE;

	/** The medicine whose price is the base of {@code medicine} within its {@code group} (itself included). */
	public Medicine reference(Medicine medicine, List<Medicine> group, String priceColumn) {
		List<Medicine> generics = group.stream().filter(Medicine::generic).toList();
		if (this == OWN_PRICE || generics.isEmpty()) {
			return medicine;
		}
		Comparator<Medicine> byPrice = Comparator.comparing(m -> m.price(priceColumn));
		Comparator<Medicine> tieBreak = byPrice.thenComparing(Medicine::code);
		if (this == MOST_EXPENSIVE_GENERIC) {
			return generics.stream().max(tieBreak).orElseThrow();
		}
		Optional<Medicine> brand = group.stream().filter(m -> !m.generic()).max(tieBreak);
		Money target = brand.orElse(medicine).price(priceColumn);
		return generics.stream()
			.min(Comparator.<Medicine, java.math.BigDecimal>comparing(
					g -> g.price(priceColumn).minus(target).amount().abs())
				.thenComparing(byPrice.reversed())
				.thenComparing(Medicine::code))
			.orElseThrow();
	}
}
