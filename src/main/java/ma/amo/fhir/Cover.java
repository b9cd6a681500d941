package ma.amo.fhir;

import ma.amo.enrolment.Rights;
import ma.amo.enrolment.RightsStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/** A person's cover on a date as FHIR: the Coverage of the person through their member, and the rights' status. */
final class Cover {

	private static final String RELATIONSHIP = "http://terminology.hl7.org/CodeSystem/subscriber-relationship";
	private static final String COVERAGE_CLASS = "http://terminology.hl7.org/CodeSystem/coverage-class";

	private Cover() {
	}

	/** Whether the person has a cover to describe at all: enrolled, or covered through a member, at some point. */
	static boolean exists(Rights rights) {
		return rights.regime() != null && rights.memberIdcs() != null;
	}

	/** The Coverage, named by the beneficiary's IDCS: one cover a person at a time, through one member. */
	static Coverage coverage(Rights rights) {
		Coverage coverage = new Coverage();
		coverage.setId(rights.idcs());
		coverage.setStatus(rights.status() == RightsStatus.CLOSED ? Coverage.CoverageStatus.CANCELLED
				: Coverage.CoverageStatus.ACTIVE);
		if (rights.memberRegistrationNumber() != null) {
			coverage.addIdentifier().setSystem(Canonical.REGISTRATION_NUMBER).setValue(rights.memberRegistrationNumber());
			coverage.setSubscriberId(rights.memberRegistrationNumber());
		}
		coverage.setBeneficiary(new Reference("Patient/" + rights.idcs()));
		coverage.setSubscriber(new Reference("Patient/" + rights.memberIdcs()));
		String relation = rights.relation() == null ? "MEMBER" : rights.relation();
		coverage.setRelationship(new CodeableConcept(new Coding(RELATIONSHIP, switch (relation) {
			case "SPOUSE" -> "spouse";
			case "CHILD" -> "child";
			default -> "self";
		}, null)));
		if (rights.coveredSince() != null || rights.coverEnd() != null) {
			Period period = new Period();
			if (rights.coveredSince() != null) {
				period.setStartElement(new DateTimeType(rights.coveredSince().toString()));
			}
			if (rights.coverEnd() != null) {
				period.setEndElement(new DateTimeType(rights.coverEnd().toString()));
			}
			coverage.setPeriod(period);
		}
		coverage.addPayor(insurer(rights));
		coverage.addClass_().setType(new CodeableConcept(new Coding(COVERAGE_CLASS, "plan", null)))
			.setValue(rights.regime().name()).setName(rights.regime().french());
		return coverage;
	}

	/** The payer body as the insurer: CNSS or CNOPS, by name (they are not served as resources). */
	static Reference insurer(Rights rights) {
		String payer = rights.payerBody() == null ? "AMO" : rights.payerBody().name();
		return new Reference().setDisplay(payer);
	}

	/** The status as a code of {@link Canonical#RIGHTS_STATUS}, with its French word. */
	static Coding status(RightsStatus status) {
		return new Coding(Canonical.RIGHTS_STATUS, status.name(), "droits " + status.french());
	}
}
