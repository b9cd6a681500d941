package ma.amo.shared;

import java.math.BigDecimal;

/** A coverage or reimbursement rate, held as a fraction (0.70 for 70 %). */
public record Rate(BigDecimal fraction) {

	public Rate {
		if (fraction == null || fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
			throw new IllegalArgumentException("a rate is between 0 and 100 %");
		}
	}

	public static Rate percent(int percent) {
		return new Rate(BigDecimal.valueOf(percent).movePointLeft(2));
	}

	public int percent() {
		return fraction.movePointRight(2).intValue();
	}

	@Override
	public String toString() {
		return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
	}
}
