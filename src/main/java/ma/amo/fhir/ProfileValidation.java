package ma.amo.fhir;

import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
import ma.amo.shared.InvalidInput;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * HAPI's instance validator against the R4 core specification, offline (the specification's own profiles and value
 * sets, common code systems such as currencies and languages; no terminology server). Built at its first use, not at
 * start: building it reads the whole specification, seconds of a start the hot path does not need. It answers
 * {@code $validate} and, with {@code amo.fhir.profile-validation=true}, checks every Claim and
 * CoverageEligibilityRequest received before it is read (about 30 ms a Claim, BENCHMARKS.md: off by default).
 */
@Component
class ProfileValidation {

	private final FhirContext context;
	private final boolean incoming;
	private volatile FhirValidator validator;

	@org.springframework.beans.factory.annotation.Autowired
	ProfileValidation(FhirContext context, @Value("${amo.fhir.profile-validation:false}") boolean incoming) {
		this(context, incoming, null);
	}

	/** With a validator already built: the tests share one across the JVM. */
	ProfileValidation(FhirContext context, boolean incoming, FhirValidator validator) {
		this.context = context;
		this.incoming = incoming;
		this.validator = validator;
	}

	/** The validator of the R4 core specification, offline. */
	static FhirValidator build(FhirContext context) {
		ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(context),
				new InMemoryTerminologyServerValidationSupport(context), new CommonCodeSystemsTerminologyService(context),
				new SnapshotGeneratingValidationSupport(context));
		FhirValidator validator = context.newValidator();
		validator.registerValidatorModule(new FhirInstanceValidator(chain));
		return validator;
	}

	/** The validator's outcome on the resource, then the platform's own refusals of it, if any. */
	OperationOutcome validate(IBaseResource resource, Runnable ours) {
		ValidationResult result = validator().validateWithResult(resource);
		OperationOutcome outcome = (OperationOutcome) result.toOperationOutcome();
		try {
			ours.run();
		}
		catch (InvalidInput invalid) {
			invalid.violations().forEach(v -> outcome.addIssue(Refusals.issue(OperationOutcome.IssueType.INVALID,
					Refusals.fhirPath(v.field()), v.field() + " (" + v.rule() + "): " + v.message())));
		}
		if (outcome.getIssue().isEmpty()) {
			outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
				.setCode(OperationOutcome.IssueType.INFORMATIONAL).setDiagnostics("valide");
		}
		return outcome;
	}

	/** Whether every resource received is checked ({@code amo.fhir.profile-validation}). */
	boolean checksIncoming() {
		return incoming;
	}

	/** With {@code amo.fhir.profile-validation}: refuses a received resource the specification's rules refuse. */
	void checkIncoming(IBaseResource resource) {
		if (!incoming) {
			return;
		}
		ValidationResult result = validator().validateWithResult(resource);
		List<?> errors = result.getMessages().stream()
			.filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()).toList();
		if (!errors.isEmpty()) {
			InvalidRequestException refused = new InvalidRequestException("the resource does not conform to FHIR R4");
			refused.setOperationOutcome(result.toOperationOutcome());
			throw refused;
		}
	}

	private FhirValidator validator() {
		FhirValidator built = validator;
		if (built == null) {
			synchronized (this) {
				built = validator;
				if (built == null) {
					built = build(context);
					validator = built;
				}
			}
		}
		return built;
	}
}
