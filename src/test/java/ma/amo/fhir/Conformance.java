package ma.amo.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Checks that what the platform emits is valid FHIR R4: HAPI's instance validator with the offline support chain the
 * platform itself uses, built once for the test JVM (building it reads the whole specification).
 */
final class Conformance {

	private static volatile FhirValidator validator;

	private Conformance() {
	}

	static synchronized FhirValidator validator() {
		if (validator == null) {
			validator = ProfileValidation.build(Hospitals.FHIR);
		}
		return validator;
	}

	/** No error nor fatal message of the validator on the resource. */
	static <T extends IBaseResource> T valid(T resource) {
		var errors = validator().validateWithResult(resource).getMessages().stream()
			.filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
			.map(SingleValidationMessage::toString).toList();
		assertThat(errors).as(Hospitals.FHIR.newJsonParser().encodeResourceToString(resource)).isEmpty();
		return resource;
	}
}
