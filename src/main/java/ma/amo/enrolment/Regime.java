package ma.amo.enrolment;

/** The AMO regimes (amo-rules.md, "Regimes"); all are managed by CNSS except the public sector's. */
public enum Regime {
	SALARIED_PRIVATE(PayerBody.CNSS, "AMO des salariés du secteur privé"),
	PUBLIC_SECTOR(PayerBody.CNOPS, "AMO du secteur public"),
	SELF_EMPLOYED(PayerBody.CNSS, "AMO des travailleurs non salariés"),
	TADAMON(PayerBody.CNSS, "AMO Tadamon"),
	ACHAMIL(PayerBody.CNSS, "AMO Achamil"),
	STUDENT(PayerBody.CNSS, "AMO des étudiants");

	private final PayerBody payerBody;
	private final String french;

	Regime(PayerBody payerBody, String french) {
		this.payerBody = payerBody;
		this.french = french;
	}

	/** The regime's name in French texts, which never show the code. */
	public String french() {
		return french;
	}

	public PayerBody payerBody() {
		return payerBody;
	}
}
