package ma.amo.population;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A household member's socio-economic score in the unified social register, as of its score date. */
public record RsuScore(String idcs, String householdId, BigDecimal score, LocalDate scoreDate) {
}
