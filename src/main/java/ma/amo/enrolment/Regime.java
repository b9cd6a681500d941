package ma.amo.enrolment;

/** The AMO regimes (amo-rules.md, "Regimes"); all are managed by CNSS except the public sector's. */
public enum Regime {
	SALARIED_PRIVATE(PayerBody.CNSS),
	PUBLIC_SECTOR(PayerBody.CNOPS),
	SELF_EMPLOYED(PayerBody.CNSS),
	TADAMON(PayerBody.CNSS),
	ACHAMIL(PayerBody.CNSS),
	STUDENT(PayerBody.CNSS);

	private final PayerBody payerBody;

	Regime(PayerBody payerBody) {
		this.payerBody = payerBody;
	}

	public PayerBody payerBody() {
		return payerBody;
	}
}
