package ma.amo.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;

/**
 * A category of self-employed workers (amo-rules.md, "Regimes"): a flat reference income set as a multiple of the
 * SMIG, from a date, and a minimum monthly contribution where one is published (artisans: 135 DH).
 */
public record SelfEmployedCategory(@Size(max = 20) String code, LocalDate effectiveFrom, @Size(max = 300) String label,
		@Digits(integer = 3, fraction = 2) BigDecimal smigMultiple, @Digits(integer = 10, fraction = 2) BigDecimal minimum,
		@Size(max = 500) String source) {
}
