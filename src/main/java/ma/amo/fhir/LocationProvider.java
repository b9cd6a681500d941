package ma.amo.fhir;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ma.amo.providers.Establishment;
import ma.amo.providers.ProviderDirectory;
import ma.amo.providers.ProviderStatus;
import ma.amo.shared.InvalidInput;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * Where care is given: one Location per establishment, under the establishment's INPE, managed by the Organization of
 * the same INPE; its address (commune as the city, province, region), its category coded, its status today from the
 * directory's dated statuses (active, suspended, inactive once closed).
 */
@Component
class LocationProvider implements IResourceProvider {

	/** The establishments' categories: the ministry's (HP, HR, CSU-1...) and the private sector's (CLINIC...). */
	static final String CATEGORIES = Canonical.ESTABLISHMENT_CATEGORIES;

	/** A commune's name as the ministry's lists write it: letters, spaces, hyphens, apostrophes, dots, brackets. */
	private static final Pattern CITY = Pattern.compile("[\\p{L} '.()\\-]{1,100}");

	private final ProviderDirectory directory;
	private final Clock clock;

	LocationProvider(ProviderDirectory directory, Clock clock) {
		this.directory = directory;
		this.clock = clock;
	}

	@Override
	public Class<Location> getResourceType() {
		return Location.class;
	}

	@Read
	public Location read(@IdParam IdType id, RequestDetails request) {
		DirectoryProviders.paths(request, Map.of("inpe", "Location.id"));
		return location(directory.establishment(id.getIdPart()));
	}

	/** {@code organization=Organization/{inpe}} or {@code address-city=} (the commune, without accents or case). */
	@Search
	public List<Location> search(@OptionalParam(name = Location.SP_ORGANIZATION) ReferenceParam organization,
			@OptionalParam(name = Location.SP_ADDRESS_CITY) StringParam city, @Count Integer count,
			RequestDetails request) {
		DirectoryProviders.paths(request, Map.of("_count", "_count"));
		int limit = DirectoryProviders.count(count);
		String inpe = DirectoryProviders.inpe(organization, "Organization", "Location.managingOrganization");
		if (inpe != null) {
			return directory.findEstablishment(inpe).map(this::location).stream().toList();
		}
		if (city == null || city.getValue() == null || city.getValue().isBlank()) {
			throw new InvalidInput("Location.address.city", "required",
					"search by organization=Organization/{inpe} or address-city={commune}");
		}
		if (!CITY.matcher(city.getValue()).matches()) {
			throw new InvalidInput("Location.address.city", "format",
					"a commune of 1 to 100 letters, spaces, hyphens, apostrophes, dots or brackets");
		}
		return directory.search(new ProviderDirectory.EstablishmentQuery(null, null, null, null, null, city.getValue()),
				0, limit).content().stream().map(this::location).toList();
	}

	private Location location(Establishment e) {
		Location location = new Location();
		location.setId(e.inpe());
		location.addIdentifier().setSystem(Canonical.INPE).setValue(e.inpe());
		location.setStatus(directory.statusOn(e.inpe(), LocalDate.now(clock)).map(LocationProvider::status).orElse(Location.LocationStatus.INACTIVE));
		location.setMode(Location.LocationMode.INSTANCE);
		location.setName(e.name());
		location.addType(new CodeableConcept(new Coding(CATEGORIES, e.category(), null))
			.setText(e.category() + " (" + (e.sector() == ma.amo.providers.Sector.PUBLIC ? "public" : "privé") + ")"));
		location.setAddress(new Address().setCity(e.commune()).setDistrict(e.province()).setState(e.region())
			.setCountry("MA"));
		location.setManagingOrganization(new Reference("Organization/" + e.inpe()).setDisplay(e.name()));
		return location;
	}

	/** A closed establishment is inactive; one not registered yet on the day has no status and is inactive too. */
	static Location.LocationStatus status(ProviderStatus status) {
		return switch (status) {
			case ACTIVE -> Location.LocationStatus.ACTIVE;
			case SUSPENDED -> Location.LocationStatus.SUSPENDED;
			case CLOSED -> Location.LocationStatus.INACTIVE;
		};
	}
}
