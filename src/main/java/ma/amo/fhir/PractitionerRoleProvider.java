package ma.amo.fhir;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ma.amo.providers.Practices;
import ma.amo.providers.Practices.Practice;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * Who practises in which establishment: one PractitionerRole per professional and establishment, named
 * {@code {establishment INPE}-{professional INPE}}, with the latest period the directory records (its end absent while
 * it lasts), {@code active} when that period covers today, the profession coded and the specialty. The same periods the
 * claims check: a claim's practitioner must practise in the establishment on the day of care.
 */
@Component
class PractitionerRoleProvider implements IResourceProvider {

	/** The professions of the directory, by their code (GENERAL_PRACTITIONER, SPECIALIST...). */
	static final String PROFESSIONS = Canonical.PROFESSIONS;

	private static final Pattern ID = Pattern.compile("(\\d{9})-(\\d{9})");

	private final Practices practices;
	private final Clock clock;

	PractitionerRoleProvider(Practices practices, Clock clock) {
		this.practices = practices;
		this.clock = clock;
	}

	@Override
	public Class<PractitionerRole> getResourceType() {
		return PractitionerRole.class;
	}

	@Read
	public PractitionerRole read(@IdParam IdType id, RequestDetails request) {
		DirectoryProviders.paths(request, Map.of("inpe", "PractitionerRole.id"));
		Matcher parts = ID.matcher(id.getIdPart());
		if (!parts.matches()) {
			throw new InvalidInput("PractitionerRole.id", "format",
					"a PractitionerRole is named {establishment INPE}-{professional INPE}, 9 digits each");
		}
		List<Practice> periods = practices.of(parts.group(2), parts.group(1));
		if (periods.isEmpty()) {
			throw new NotFound("PractitionerRole.id", "the professional " + parts.group(2)
					+ " has never practised in the establishment " + parts.group(1));
		}
		return role(periods.getFirst(), LocalDate.now(clock));
	}

	/**
	 * {@code practitioner=Practitioner/{inpe}}, {@code organization=Organization/{inpe}}, or both; at least one. Each
	 * pair answered once, with its latest period.
	 */
	@Search
	public List<PractitionerRole> search(
			@OptionalParam(name = PractitionerRole.SP_PRACTITIONER) ReferenceParam practitioner,
			@OptionalParam(name = PractitionerRole.SP_ORGANIZATION) ReferenceParam organization, @Count Integer count,
			RequestDetails request) {
		DirectoryProviders.paths(request, Map.of("_count", "_count"));
		int limit = DirectoryProviders.count(count);
		String professional = DirectoryProviders.inpe(practitioner, "Practitioner", "PractitionerRole.practitioner");
		String establishment = DirectoryProviders.inpe(organization, "Organization", "PractitionerRole.organization");
		if (professional == null && establishment == null) {
			throw new InvalidInput("PractitionerRole.practitioner", "required",
					"search by practitioner=Practitioner/{inpe} or organization=Organization/{inpe}");
		}
		List<Practice> periods = professional == null ? practices.atEstablishment(establishment)
				: establishment == null ? practices.ofProfessional(professional)
						: practices.of(professional, establishment);
		Map<String, Practice> latest = new LinkedHashMap<>();
		periods.forEach(p -> latest.putIfAbsent(id(p), p));
		LocalDate today = LocalDate.now(clock);
		return latest.values().stream().limit(limit).map(p -> role(p, today)).toList();
	}

	private static String id(Practice p) {
		return p.establishmentInpe() + "-" + p.professionalInpe();
	}

	static PractitionerRole role(Practice p, LocalDate today) {
		PractitionerRole role = new PractitionerRole();
		role.setId(id(p));
		role.setActive(p.coversOn(today));
		Period period = new Period().setStartElement(new DateTimeType(p.start().toString()));
		if (p.end() != null) {
			period.setEndElement(new DateTimeType(p.end().toString()));
		}
		role.setPeriod(period);
		role.setPractitioner(new Reference("Practitioner/" + p.professionalInpe()).setDisplay(p.professionalName()));
		role.setOrganization(new Reference("Organization/" + p.establishmentInpe()).setDisplay(p.establishmentName()));
		role.addLocation(new Reference("Location/" + p.establishmentInpe()));
		role.addCode(new CodeableConcept(new Coding(PROFESSIONS, p.profession().name(), null)));
		if (p.specialty() != null) {
			role.addSpecialty(new CodeableConcept().setText(p.specialty()));
		}
		return role;
	}
}
