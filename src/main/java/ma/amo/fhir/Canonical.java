package ma.amo.fhir;

/**
 * The canonical URLs of the platform's identifier systems (NamingSystem) and code systems (CodeSystem): a FHIR client
 * names an IDCS, a CIN, an INPE or a reason code by them, and each is served at {@code /fhir/NamingSystem/{id}} or
 * {@code /fhir/CodeSystem/{id}}.
 */
public final class Canonical {

	public static final String BASE = "https://fhir.amo.ma";

	/** The national health insurance identifier (IDCS) of every person of the population register. */
	public static final String IDCS = BASE + "/sid/idcs";

	/** The national identity card number (CIN) of adults. */
	public static final String CIN = BASE + "/sid/cin";

	/** The national identifier of providers (INPE), professionals and establishments alike. */
	public static final String INPE = BASE + "/sid/inpe";

	/** A member's registration number (numéro d'immatriculation) at the payer body. */
	public static final String REGISTRATION_NUMBER = BASE + "/sid/registration-number";

	/** The reason codes of adjudication: rules' decisions, pricing notes and reasons for review. */
	public static final String REASON_CODES = BASE + "/CodeSystem/reason-codes";

	/** The long-term conditions (ALD) list, codes 1 to 999. */
	public static final String LONG_TERM_CONDITIONS = BASE + "/CodeSystem/long-term-conditions";

	/** Where a person's rights stand on a date: OPEN, WAITING, SUSPENDED, CLOSED. */
	public static final String RIGHTS_STATUS = BASE + "/CodeSystem/rights-status";

	/** The acts of the reference tariff (NGAP key letters and named acts: C, Cs, K...). */
	public static final String ACTS = BASE + "/CodeSystem/acts";

	/** The medicines of the reference list (GMR), by their code. */
	public static final String MEDICINES = BASE + "/CodeSystem/medicines";

	/** The kinds of adjudication line the platform adds to the standard ones: a reason code. */
	public static final String ADJUDICATION = BASE + "/CodeSystem/adjudication";

	/** The care a prior approval is asked for (HOSPITAL_STAY, SURGERY, DIALYSIS...). */
	public static final String CARE_TYPES = BASE + "/CodeSystem/care-types";

	/** The categories of a prior approval request's supporting information (medical-note, protocol...). */
	public static final String PRIOR_APPROVAL_INFO = BASE + "/CodeSystem/prior-approval-info";

	/** The professions of the provider directory (GENERAL_PRACTITIONER, SPECIALIST...). */
	public static final String PROFESSIONS = BASE + "/CodeSystem/professions";

	/** The establishments' categories: the ministry's (HP, HR, CSU-1...) and the private sector's (CLINIC...). */
	public static final String ESTABLISHMENT_CATEGORIES = BASE + "/CodeSystem/establishment-categories";

	/** A claim by its number on the platform, as ClaimResponses and ExplanationOfBenefits are identified. */
	public static final String CLAIM = BASE + "/sid/claim";

	/** A prior approval by its reference (PA-2026-000123). */
	public static final String PRIOR_APPROVAL = BASE + "/sid/prior-approval";

	/** A payment batch by its reference (LP-CNSS-20260615-12). */
	public static final String PAYMENT_BATCH = BASE + "/sid/payment-batch";

	/** A transfer by its end-to-end identifier in the ISO 20022 bank file ({batch reference}-{payee}). */
	public static final String END_TO_END_ID = BASE + "/sid/end-to-end-id";

	private Canonical() {
	}

	/**
	 * The identifier system of one provider's claims: a provider numbers its claims in its own namespace, named by
	 * its INPE, so that two providers' claim numbers never collide.
	 */
	public static String claimsOf(String inpe) {
		return INPE + "/" + inpe + "/claims";
	}

	/** The INPE of a claim identifier system, or null when the system is not one of {@link #claimsOf}. */
	static String inpeOfClaims(String system) {
		String prefix = INPE + "/";
		if (system == null || !system.startsWith(prefix) || !system.endsWith("/claims")) {
			return null;
		}
		String inpe = system.substring(prefix.length(), system.length() - "/claims".length());
		return inpe.isEmpty() || inpe.contains("/") ? null : inpe;
	}
}
