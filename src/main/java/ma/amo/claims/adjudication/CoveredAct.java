package ma.amo.claims.adjudication;

import java.math.BigDecimal;

/**
 * An act as duplicates are judged: its code and its coefficient (Z 15 and Z 30 are two acts; C and C are one), or a
 * medicine by its code. A line without a coefficient is the act's own coefficient.
 */
public record CoveredAct(String code, BigDecimal coefficient) {

	public CoveredAct {
		// 30 and 30.00 are the same coefficient: compared without their scale.
		coefficient = coefficient == null ? null : coefficient.stripTrailingZeros();
	}

	static CoveredAct of(LineDecision line) {
		return new CoveredAct(line.code(), line.request().coefficient());
	}

	/** The act in the words of a reason: "Z 30", or "C". */
	String french() {
		return coefficient == null ? code : code + " " + coefficient.toPlainString();
	}
}
