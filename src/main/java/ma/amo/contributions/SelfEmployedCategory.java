package ma.amo.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A category of self-employed workers (amo-rules.md, "Regimes"): a flat reference income set as a multiple of the
 * SMIG, from a date, and a minimum monthly contribution where one is published (artisans: 135 DH).
 */
public record SelfEmployedCategory(String code, LocalDate effectiveFrom, String label, BigDecimal smigMultiple,
		BigDecimal minimum, String source) {
}
