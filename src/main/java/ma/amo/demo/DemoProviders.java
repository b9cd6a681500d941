package ma.amo.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import ma.amo.providers.Establishment;
import ma.amo.providers.Profession;
import ma.amo.providers.Professional;
import ma.amo.providers.ProviderDirectory;
import ma.amo.providers.ProviderDirectory.EstablishmentQuery;
import ma.amo.providers.Sector;
import ma.amo.shared.PageOf;

/**
 * The providers the demo's year of care goes to, read from the provider directory by region: general practitioners
 * and specialists, pharmacies, laboratories, radiology centres and clinics of the private sector, and the public
 * hospitals with their general practitioner and specialist.
 */
final class DemoProviders {

	private static final int PAGE = 200;

	private final ProviderDirectory directory;
	private final LocalDate today;

	DemoProviders(ProviderDirectory directory, LocalDate today) {
		this.directory = directory;
		this.today = today;
	}

	/** The providers by region, or null when the directory lacks a kind the demo needs. */
	CareYear.Providers load() {
		Map<String, List<String>> gps = professionals(Profession.GENERAL_PRACTITIONER);
		Map<String, List<String>> specialists = professionals(Profession.SPECIALIST);
		Map<String, List<String>> pharmacies = establishments("PHARMACY", Sector.PRIVATE);
		Map<String, List<String>> laboratories = establishments("LABORATORY", Sector.PRIVATE);
		Map<String, List<String>> radiology = establishments("RADIOLOGY", Sector.PRIVATE);
		Map<String, List<String>> clinics = establishments("CLINIC", Sector.PRIVATE);
		Map<String, List<String[]>> hospitals = new HashMap<>();
		PublicHospitalStaff staff = new PublicHospitalStaff(directory, 0);
		for (Establishment hospital : staff.hospitals()) {
			List<Professional> doctors = directory.staff(hospital.inpe(), today);
			String gp = doctors.stream().filter(d -> d.profession() == Profession.GENERAL_PRACTITIONER).map(Professional::inpe)
				.findFirst().orElse(null);
			String specialist = doctors.stream().filter(d -> d.profession() == Profession.SPECIALIST).map(Professional::inpe)
				.findFirst().orElse(gp);
			if (gp != null) {
				hospitals.computeIfAbsent(hospital.region(), r -> new ArrayList<>())
					.add(new String[] { hospital.inpe(), gp, specialist });
			}
		}
		List<Map<String, ? extends List<?>>> all = List.of(gps, specialists, pharmacies, laboratories, radiology, clinics,
				hospitals);
		if (all.stream().anyMatch(Map::isEmpty)) {
			return null;
		}
		return new CareYear.Providers(gps, specialists, pharmacies, laboratories, radiology, clinics, hospitals);
	}

	private Map<String, List<String>> professionals(Profession profession) {
		return byRegion(page -> directory.searchProfessionals(null, null, profession, null, null, page, PAGE),
				Professional::region, Professional::inpe);
	}

	private Map<String, List<String>> establishments(String category, Sector sector) {
		return byRegion(page -> directory.search(new EstablishmentQuery(null, null, category, sector, null, null), page,
				PAGE), Establishment::region, Establishment::inpe);
	}

	private static <T> Map<String, List<String>> byRegion(Function<Integer, PageOf<T>> pages, Function<T, String> region,
			Function<T, String> inpe) {
		Map<String, List<String>> found = new HashMap<>();
		for (int page = 0;; page++) {
			List<T> content = pages.apply(page).content();
			content.forEach(p -> found.computeIfAbsent(region.apply(p), r -> new ArrayList<>()).add(inpe.apply(p)));
			if (content.size() < PAGE) {
				return found;
			}
		}
	}
}
