package ma.amo.fhir;

import java.time.LocalDate;

import ca.uhn.fhir.rest.param.ReferenceParam;
import ma.amo.enrolment.Eligibility;
import ma.amo.enrolment.Rights;
import ma.amo.shared.InvalidInput;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/** Reads the identifiers and references a FHIR client names a person by. */
final class Identifiers {

	private Identifiers() {
	}

	/** The person's rights on the date, by IDCS, CIN or the member's registration number. */
	static Rights rights(Eligibility eligibility, String system, String value, LocalDate date) {
		if (value == null || value.isBlank()) {
			throw new InvalidInput("identifier", "required", "give system|value, e.g. " + Canonical.IDCS + "|...");
		}
		if (system == null || system.isEmpty() || Canonical.IDCS.equals(system)) {
			return eligibility.of(value, date);
		}
		if (Canonical.CIN.equals(system)) {
			return eligibility.ofCin(value, date);
		}
		if (Canonical.REGISTRATION_NUMBER.equals(system)) {
			return eligibility.ofRegistrationNumber(value, date);
		}
		throw new InvalidInput("identifier", "system", "a person is named by IDCS (" + Canonical.IDCS + "), CIN ("
				+ Canonical.CIN + ") or registration number (" + Canonical.REGISTRATION_NUMBER + ")");
	}

	/** The IDCS of {@code Patient/{idcs}} given as a search parameter. */
	static String patientIdcs(ReferenceParam reference) {
		if (reference.getResourceType() != null && !"Patient".equals(reference.getResourceType())) {
			throw new InvalidInput("beneficiary", "reference", "must be a Patient, Patient/{idcs}");
		}
		return reference.getIdPart();
	}

	/**
	 * The IDCS of a reference to a patient: {@code Patient/{idcs}}, or an identifier of system IDCS; {@code field} is
	 * the element's path for the refusal.
	 */
	static String patientIdcs(Reference reference, String field) {
		if (reference == null || reference.isEmpty()) {
			throw new InvalidInput(field, "required", "name the patient: Patient/{idcs} or an IDCS identifier");
		}
		if (reference.hasReference()) {
			String[] parts = reference.getReference().split("/");
			if (parts.length != 2 || !"Patient".equals(parts[0])) {
				throw new InvalidInput(field, "reference", "must be Patient/{idcs}");
			}
			return parts[1];
		}
		Identifier identifier = reference.getIdentifier();
		if (Canonical.IDCS.equals(identifier.getSystem()) && identifier.hasValue()) {
			return identifier.getValue();
		}
		throw new InvalidInput(field, "reference", "must be Patient/{idcs} or an identifier of system " + Canonical.IDCS);
	}
}
