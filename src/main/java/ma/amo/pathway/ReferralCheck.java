package ma.amo.pathway;

/**
 * Whether a referral cited by a claim makes the care compliant: {@code problem} is null when it does, otherwise a code
 * ({@code unknown}, {@code other-patient}, {@code other-specialty}, {@code other-establishment}, {@code not-yet-valid},
 * {@code expired}) with the reason in French.
 */
public record ReferralCheck(long referralId, String problem, String reason) {

	public boolean compliant() {
		return problem == null;
	}

	static ReferralCheck compliant(long id) {
		return new ReferralCheck(id, null, "orientation n° " + id + " valide");
	}

	static ReferralCheck refused(long id, String problem, String reason) {
		return new ReferralCheck(id, problem, reason);
	}
}
