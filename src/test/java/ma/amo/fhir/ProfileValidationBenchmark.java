package ma.amo.fhir;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ValidationResult;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code amo.fhir.profile-validation} costs a received Claim: HAPI's instance validator (R4 core, the offline
 * support chain of {@link ProfileValidation}) on an establishment's invoice of one consultation and on one of ten
 * items, against the strict parse every Claim already goes through. Run:
 * {@code ./mvnw -q test-compile exec:exec@fhir-validation-benchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class ProfileValidationBenchmark {

	private FhirContext context;
	private FhirValidator validator;
	private Claim one;
	private Claim ten;
	private String tenJson;

	@Setup
	public void build() {
		context = FhirContext.forR4();
		validator = ProfileValidation.build(context);
		one = claim(1);
		ten = claim(10);
		tenJson = context.newJsonParser().encodeResourceToString(ten);
		validator.validateWithResult(one);
	}

	static Claim claim(int items) {
		Claim claim = new Claim();
		claim.addIdentifier().setSystem(Canonical.claimsOf("100000017")).setValue("FAC-1");
		claim.setStatus(Claim.ClaimStatus.ACTIVE);
		claim.setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/claim-type", "institutional", null)));
		claim.setUse(Claim.Use.CLAIM);
		claim.setPatient(new Reference("Patient/100000000000"));
		claim.setCreatedElement(new DateTimeType("2026-06-12"));
		claim.setProvider(new Reference("Organization/100000017"));
		claim.setPriority(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/processpriority", "normal", null)));
		claim.setBillablePeriod(new Period().setStartElement(new DateTimeType("2026-06-10")));
		claim.addCareTeam().setSequence(1).setProvider(new Reference("Practitioner/100000025"))
			.setRole(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/claimcareteamrole", "primary", null)));
		claim.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference("Coverage/100000000000"));
		for (int i = 1; i <= items; i++) {
			claim.addItem().setSequence(i).setProductOrService(new CodeableConcept(new Coding(Canonical.ACTS, "C", null)))
				.setServiced(new DateType("2026-06-10")).setNet(new Money().setValue(new BigDecimal("80.00")).setCurrency("MAD"));
		}
		return claim;
	}

	@Benchmark
	public ValidationResult validateOneItem() {
		return validator.validateWithResult(one);
	}

	@Benchmark
	public ValidationResult validateTenItems() {
		return validator.validateWithResult(ten);
	}

	@Benchmark
	public Claim strictParseTenItems() {
		return context.newJsonParser().parseResource(Claim.class, tenJson);
	}
}
