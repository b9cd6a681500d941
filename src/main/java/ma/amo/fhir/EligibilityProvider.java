package ma.amo.fhir;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Validate;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ma.amo.enrolment.Eligibility;
import ma.amo.enrolment.Rights;
import ma.amo.enrolment.RightsStatus;
import ma.amo.shared.InvalidInput;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * {@code POST /fhir/CoverageEligibilityRequest/$submit}: a CoverageEligibilityRequest for a patient on the date of
 * care ({@code servicedDate}, today when absent) answered with a CoverageEligibilityResponse: in force or not, the
 * rights' status as a code, the rule that decided and its reason in French, the cover's period. Nothing is stored;
 * the check is audited like the REST API's.
 */
@Component
class EligibilityProvider implements IResourceProvider {

	private final Eligibility eligibility;
	private final Clock clock;
	private final Reads reads;
	private final ProfileValidation profiles;

	EligibilityProvider(Eligibility eligibility, Clock clock, Reads reads, ProfileValidation profiles) {
		this.eligibility = eligibility;
		this.clock = clock;
		this.reads = reads;
		this.profiles = profiles;
	}

	/** {@code $validate}: the specification's rules, then what the platform needs to answer the request. */
	@Validate
	public MethodOutcome validate(@ResourceParam CoverageEligibilityRequest asked) {
		return new MethodOutcome().setOperationOutcome(profiles.validate(asked, () -> {
			Identifiers.patientIdcs(asked.getPatient(), "CoverageEligibilityRequest.patient");
			servicedDate(asked);
		}));
	}

	@Override
	public Class<CoverageEligibilityRequest> getResourceType() {
		return CoverageEligibilityRequest.class;
	}

	@Operation(name = "$submit", idempotent = false)
	public CoverageEligibilityResponse submit(
			@OperationParam(name = "resource", min = 1, max = 1) CoverageEligibilityRequest asked,
			RequestDetails request) {
		profiles.checkIncoming(asked);
		String idcs = Identifiers.patientIdcs(asked.getPatient(), "CoverageEligibilityRequest.patient");
		LocalDate date = servicedDate(asked);
		Rights rights = eligibility.of(idcs, date);
		reads.read(request, "PERSON", List.of(rights.idcs()), "ELIGIBILITY_CHECK");
		return response(asked, rights, new Date(clock.millis()));
	}

	private LocalDate servicedDate(CoverageEligibilityRequest asked) {
		if (!asked.hasServiced()) {
			return LocalDate.now(clock);
		}
		if (!asked.hasServicedDateType()) {
			throw new InvalidInput("CoverageEligibilityRequest.servicedDate", "date",
					"give the date of care as servicedDate, not a period");
		}
		DateType date = asked.getServicedDateType();
		if (date.getPrecision() != ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY) {
			throw new InvalidInput("CoverageEligibilityRequest.servicedDate", "date", "must be a full date, yyyy-MM-dd");
		}
		// The text as sent, not HAPI's calendar fields: a lenient calendar reads 2026-02-30 as 2026-03-02.
		try {
			return LocalDate.parse(date.getValueAsString());
		}
		catch (java.time.format.DateTimeParseException e) {
			throw new InvalidInput("CoverageEligibilityRequest.servicedDate", "date", "must be a date that exists");
		}
	}

	static CoverageEligibilityResponse response(CoverageEligibilityRequest asked, Rights rights, Date now) {
		CoverageEligibilityResponse answer = new CoverageEligibilityResponse();
		answer.setStatus(CoverageEligibilityResponse.EligibilityResponseStatus.ACTIVE);
		if (asked.hasPurpose()) {
			asked.getPurpose().forEach(p -> answer.addPurpose(
					CoverageEligibilityResponse.EligibilityResponsePurpose.fromCode(p.getValue().toCode())));
		}
		else {
			answer.addPurpose(CoverageEligibilityResponse.EligibilityResponsePurpose.VALIDATION);
		}
		answer.setPatient(new Reference("Patient/" + rights.idcs()));
		answer.setServiced(new DateType(rights.date().toString()));
		answer.setCreated(now);
		Reference request = new Reference();
		if (asked.hasIdentifier()) {
			request.setIdentifier(asked.getIdentifierFirstRep().copy());
		}
		else {
			request.setDisplay("CoverageEligibilityRequest du " + rights.date());
		}
		answer.setRequest(request);
		answer.setOutcome(Enumerations.RemittanceOutcome.COMPLETE);
		answer.setDisposition("Droits " + rights.status().french() + " : " + rights.reason());
		answer.setInsurer(Cover.insurer(rights));
		var insurance = answer.addInsurance();
		if (Cover.exists(rights)) {
			insurance.setCoverage(new Reference("Coverage/" + rights.idcs()));
		}
		else {
			insurance.setCoverage(new Reference().setDisplay("aucune couverture AMO"));
		}
		insurance.setInforce(rights.status() == RightsStatus.OPEN);
		if (rights.coveredSince() != null) {
			Period period = new Period().setStartElement(new org.hl7.fhir.r4.model.DateTimeType(rights.coveredSince().toString()));
			if (rights.coverEnd() != null) {
				period.setEndElement(new org.hl7.fhir.r4.model.DateTimeType(rights.coverEnd().toString()));
			}
			insurance.setBenefitPeriod(period);
		}
		insurance.addItem().setCategory(new CodeableConcept(Cover.status(rights.status())))
			.setName(rights.rule()).setDescription(rights.reason())
			.setExcluded(rights.status() != RightsStatus.OPEN);
		return answer;
	}
}
