package ma.amo.fhir;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ma.amo.population.Person;
import ma.amo.population.PopulationRegister;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;

/**
 * Patients: the persons of the population register, each under its IDCS ({@code Patient/{idcs}}), found by IDCS or
 * CIN. Reads are audited as the register's are.
 */
@Component
class PatientProvider implements IResourceProvider {

	private final PopulationRegister register;
	private final Reads reads;

	PatientProvider(PopulationRegister register, Reads reads) {
		this.register = register;
		this.reads = reads;
	}

	@Override
	public Class<Patient> getResourceType() {
		return Patient.class;
	}

	@Read
	public Patient read(@IdParam IdType id, RequestDetails request) {
		String idcs = id.getIdPart();
		register.checkIdcs("idcs", idcs);
		Person person = register.person(idcs).orElseThrow(() -> new NotFound("idcs", "no person with IDCS " + idcs));
		reads.read(request, "PERSON", List.of(idcs), "REGISTER_MANAGEMENT");
		return patient(person);
	}

	/** {@code identifier=https://fhir.amo.ma/sid/idcs|...} or {@code ...sid/cin|...}; a bare value is an IDCS. */
	@Search
	public List<Patient> byIdentifier(@RequiredParam(name = Patient.SP_IDENTIFIER) TokenParam identifier,
			RequestDetails request) {
		DirectoryProviders.paths(request, Map.of("identifier", "Patient.identifier", "idcs", "Patient.identifier",
				"cin", "Patient.identifier"));
		if (identifier == null) {
			throw new InvalidInput("identifier", "required", "give system|value, e.g. " + Canonical.IDCS + "|...");
		}
		Optional<Person> person = find(identifier);
		person.ifPresent(p -> reads.read(request, "PERSON", List.of(p.idcs()), "REGISTER_MANAGEMENT"));
		return person.map(PatientProvider::patient).stream().toList();
	}

	private Optional<Person> find(TokenParam identifier) {
		String system = identifier.getSystem();
		String value = identifier.getValue();
		if (value == null || value.isBlank()) {
			throw new InvalidInput("identifier", "required", "give system|value, e.g. " + Canonical.IDCS + "|...");
		}
		if (system == null || system.isEmpty() || Canonical.IDCS.equals(system)) {
			register.checkIdcs("identifier", value);
			return register.person(value);
		}
		if (Canonical.CIN.equals(system)) {
			return register.personByCin(value);
		}
		throw new InvalidInput("identifier", "system", "a patient is found by IDCS (" + Canonical.IDCS + ") or CIN ("
				+ Canonical.CIN + ")");
	}

	static Patient patient(Person person) {
		Patient patient = new Patient();
		patient.setId(person.idcs());
		patient.addIdentifier().setSystem(Canonical.IDCS).setValue(person.idcs());
		if (person.cin() != null) {
			patient.addIdentifier().setSystem(Canonical.CIN).setValue(person.cin());
		}
		patient.addName(new HumanName().setUse(HumanName.NameUse.OFFICIAL).setFamily(person.lastName())
			.addGiven(person.firstName()));
		if (person.birthDate() != null) {
			patient.setBirthDateElement(new DateType(person.birthDate().toString()));
		}
		patient.setGender(person.sex() == null ? AdministrativeGender.UNKNOWN
				: switch (person.sex().name()) {
					case "M" -> AdministrativeGender.MALE;
					case "F" -> AdministrativeGender.FEMALE;
					default -> AdministrativeGender.UNKNOWN;
				});
		if (person.deathDate() != null) {
			patient.setDeceased(new DateTimeType(person.deathDate().toString()));
		}
		if (person.region() != null || person.commune() != null) {
			patient.addAddress(new Address().setCity(person.commune()).setDistrict(person.province())
				.setState(person.region()).setCountry("MA"));
		}
		return patient;
	}
}
