package ma.amo.claims;

/** A member's reimbursement claim (feuille de soins) or a provider's invoice in tiers payant. */
public enum ClaimKind {
	MEMBER_REIMBURSEMENT, PROVIDER_INVOICE
}
