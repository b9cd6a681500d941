package ma.amo.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An amount in dirhams (MAD). The platform's one rounding rule lives here: every amount is held to the centime,
 * rounded half-up, and only ever computed with {@link BigDecimal}.
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

	public static final Money ZERO = new Money(BigDecimal.ZERO);

	public Money {
		if (amount == null) {
			throw new IllegalArgumentException("an amount is required");
		}
		amount = amount.setScale(2, RoundingMode.HALF_UP);
	}

	public static Money of(String amount) {
		return new Money(new BigDecimal(amount));
	}

	public Money plus(Money other) {
		return new Money(amount.add(other.amount));
	}

	public Money minus(Money other) {
		return new Money(amount.subtract(other.amount));
	}

	public Money times(Rate rate) {
		return new Money(amount.multiply(rate.fraction()));
	}

	public Money times(BigDecimal factor) {
		return new Money(amount.multiply(factor));
	}

	public Money min(Money other) {
		return compareTo(other) <= 0 ? this : other;
	}

	/** Not part of the JSON form: an amount is its {@code amount}. */
	@JsonIgnore
	public boolean isNegative() {
		return amount.signum() < 0;
	}

	@Override
	public int compareTo(Money other) {
		return amount.compareTo(other.amount);
	}

	@Override
	public String toString() {
		return amount.toPlainString() + " MAD";
	}
}
