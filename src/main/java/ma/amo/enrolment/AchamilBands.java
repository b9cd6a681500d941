package ma.amo.enrolment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Achamil monthly amounts by RSU score band, from the parameter {@code achamil.bands}: {@code bound:amount} pairs
 * separated by semicolons, in increasing order of bound, each band covering the scores up to and including its bound;
 * the last pair has no bound and applies above.
 */
public record AchamilBands(List<Band> bands) {

	public record Band(BigDecimal upperBound, BigDecimal amount) {
	}

	public static AchamilBands parse(String value) {
		List<Band> bands = new ArrayList<>();
		for (String pair : value.split(";")) {
			String[] parts = pair.split(":");
			bands.add(new Band(parts[0].isBlank() ? null : new BigDecimal(parts[0].strip()), new BigDecimal(parts[1].strip())));
		}
		return new AchamilBands(List.copyOf(bands));
	}

	public BigDecimal monthlyAmount(BigDecimal score) {
		for (Band band : bands) {
			if (band.upperBound() == null || score.compareTo(band.upperBound()) <= 0) {
				return band.amount();
			}
		}
		return bands.getLast().amount();
	}
}
