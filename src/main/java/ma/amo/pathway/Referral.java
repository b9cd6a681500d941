package ma.amo.pathway;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A referral of the coordinated care pathway: the patient, who referred (a general practitioner or a primary-care
 * establishment, by INPE), to which specialty and, on the public pathway, to which hospital, why, written when and
 * valid until when.
 */
public record Referral(long id, String patientIdcs, String referrerInpe, ReferrerKind referrerKind,
		String toSpecialty, String toEstablishmentInpe, String reason, LocalDate referredOn, LocalDate validUntil,
		String recordedBy, Instant recordedAt) {

	/** Who may refer: the first contact of the pathway (amo-rules.md, "Procedures and deadlines"). */
	public enum ReferrerKind {
		GENERAL_PRACTITIONER, PRIMARY_CARE_ESTABLISHMENT
	}
}
