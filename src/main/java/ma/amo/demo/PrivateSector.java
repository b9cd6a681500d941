package ma.amo.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ma.amo.providers.Establishment;
import ma.amo.providers.Profession;
import ma.amo.providers.Professional;
import ma.amo.providers.ProviderDirectory;
import ma.amo.providers.ProviderDirectory.NewEstablishment;
import ma.amo.providers.ProviderDirectory.NewProfessional;
import ma.amo.providers.ProviderStatus;
import ma.amo.providers.Sector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates the private sector, which no public file lists: doctors by specialty, dentists, pharmacies with their
 * pharmacist, clinics, laboratories, radiology centres, opticians and paramedical professions, in each region in
 * proportion to its population and in its towns. National orders of magnitude (approximate): 13,000 private doctors
 * (40 % general practitioners), 5,000 dentists, 12,000 pharmacies, 400 clinics, 550 laboratories, 300 radiology
 * centres, 1,500 opticians, 1,500 physiotherapists; the demo registers a share of them. Nine in ten are under
 * convention with both payers since the national reference tariff of 2006; a few are suspended.
 */
final class PrivateSector {

	private static final Logger log = LoggerFactory.getLogger(PrivateSector.class);
	private static final LocalDate CONVENTIONS = LocalDate.of(2006, 9, 1);
	private static final String[] SPECIALTIES = { "Cardiologie", "Pédiatrie", "Gynécologie-obstétrique", "Ophtalmologie",
			"Dermatologie", "Oto-rhino-laryngologie", "Psychiatrie", "Rhumatologie", "Gastro-entérologie", "Urologie",
			"Traumatologie-orthopédie", "Chirurgie générale", "Neurologie", "Endocrinologie", "Pneumologie",
			"Néphrologie", "Oncologie", "Médecine interne" };
	private static final String[] CLINIC_NAMES = { "Al Amal", "Al Farabi", "Ibn Sina", "Al Kawtar", "Assalam",
			"Annakhil", "Les Orangers", "Al Andalous", "Atlas", "Ennour", "Al Madina", "Ibn Rochd", "Les Oudayas" };

	private final ProviderDirectory directory;
	private final Random random;
	private final Weighted<String> regions;
	private final Map<String, List<String[]>> towns = new HashMap<>();
	private final Weighted<String[]> maleNames;
	private final Weighted<String[]> femaleNames;
	private final Weighted<String[]> familyNames;
	private final LocalDate today;

	PrivateSector(ProviderDirectory directory, long seed, LocalDate today) {
		this.directory = directory;
		this.random = new Random(seed);
		this.today = today;
		Vocabulary vocabulary = Vocabulary.load();
		this.regions = vocabulary.regions();
		for (String[] row : Weighted.rows("/demo/communes.csv")) {
			if (row[2].contains("(Mun.)")) {
				towns.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row);
			}
		}
		this.maleNames = vocabulary.maleNames();
		this.femaleNames = vocabulary.femaleNames();
		this.familyNames = vocabulary.familyNames();
	}

	/** Registers {@code share} of the national private sector (0.05 registers about 2,500 providers). */
	void register(double share) {
		int count = 0;
		List<Establishment> clinics = new ArrayList<>();
		for (int i = 0; i < scaled(400, share); i++) {
			String[] town = town();
			clinics.add(establishment("Clinique " + CLINIC_NAMES[random.nextInt(CLINIC_NAMES.length)] + " " + town[2]
				.replace(" (Mun.)", ""), "CLINIC", town));
		}
		count += clinics.size();
		count += professionals(Profession.GENERAL_PRACTITIONER, scaled(5_200, share), null);
		for (String specialty : SPECIALTIES) {
			List<Professional> specialists = new ArrayList<>();
			professionalsInto(Profession.SPECIALIST, scaled(7_800 / SPECIALTIES.length, share), specialty, specialists);
			for (Professional specialist : specialists) {
				if (random.nextDouble() < 0.3) {
					List<Establishment> local = clinics.stream().filter(c -> c.region().equals(specialist.region())).toList();
					if (!local.isEmpty()) {
						directory.practise(specialist.inpe(), local.get(random.nextInt(local.size())).inpe(),
								LocalDate.of(2010, 1, 1).plusDays(random.nextInt(5000)));
					}
				}
			}
			count += specialists.size();
		}
		count += professionals(Profession.DENTIST, scaled(5_000, share), null);
		count += professionals(Profession.PHYSIOTHERAPIST, scaled(1_500, share), null);
		count += professionals(Profession.MIDWIFE, scaled(300, share), null);
		count += professionals(Profession.SPEECH_THERAPIST, scaled(200, share), null);
		count += professionals(Profession.ORTHOPTIST, scaled(100, share), null);
		count += withProfessional("Pharmacie", "PHARMACY", Profession.PHARMACIST, scaled(12_000, share));
		count += withProfessional("Laboratoire d'analyses médicales", "LABORATORY", Profession.BIOLOGIST, scaled(550, share));
		count += withProfessional("Centre de radiologie", "RADIOLOGY", Profession.RADIOLOGIST, scaled(300, share));
		count += withProfessional("Optique", "OPTICIAN", Profession.OPTICIAN, scaled(1_500, share));
		directory.refreshStatistics();
		log.info("Private sector: {} providers registered", count);
	}

	private static int scaled(int national, double share) {
		return Math.max(1, (int) Math.round(national * share));
	}

	private int professionals(Profession profession, int count, String specialty) {
		professionalsInto(profession, count, specialty, new ArrayList<>());
		return count;
	}

	private void professionalsInto(Profession profession, int count, String specialty, List<Professional> into) {
		for (int i = 0; i < count; i++) {
			String[] town = town();
			boolean male = random.nextDouble() < 0.55;
			Professional professional = directory.register(new NewProfessional(familyNames.draw(random)[0],
					(male ? maleNames : femaleNames).draw(random)[0], profession, specialty, town[0], town[1], town[2]),
					LocalDate.of(1995, 1, 1).plusDays(random.nextInt(9000)));
			standing(professional.inpe());
			into.add(professional);
		}
	}

	/** An establishment and the professional who runs it (a pharmacy and its pharmacist...). */
	private int withProfessional(String label, String category, Profession profession, int count) {
		for (int i = 0; i < count; i++) {
			String[] town = town();
			String[] family = familyNames.draw(random);
			Establishment establishment = establishment(label + " " + family[0], category, town);
			Professional owner = directory.register(new NewProfessional(family[0],
					(random.nextBoolean() ? maleNames : femaleNames).draw(random)[0], profession, null, town[0], town[1],
					town[2]), LocalDate.of(1995, 1, 1).plusDays(random.nextInt(9000)));
			directory.practise(owner.inpe(), establishment.inpe(), LocalDate.of(2000, 1, 1).plusDays(random.nextInt(8000)));
		}
		return 2 * count;
	}

	private Establishment establishment(String name, String category, String[] town) {
		ProviderDirectory.Registered<Establishment> registered = directory.register(new NewEstablishment(name, category,
				Sector.PRIVATE, town[0], town[1], town[2]), LocalDate.of(1995, 1, 1).plusDays(random.nextInt(9000)));
		// Two establishments of the same name in one town are one: its standing is set once.
		if (registered.created()) {
			standing(registered.provider().inpe());
		}
		return registered.provider();
	}

	/** Conventions for nine in ten, a suspension for one in a hundred. */
	private void standing(String inpe) {
		if (random.nextDouble() < 0.9) {
			directory.convention(inpe, "CNSS", CONVENTIONS, null);
			directory.convention(inpe, "CNOPS", CONVENTIONS, null);
		}
		if (random.nextDouble() < 0.01) {
			directory.status(inpe, ProviderStatus.SUSPENDED, today.minusDays(1 + random.nextInt(300)),
					"Suspension décidée par l'ANAM");
		}
	}

	private String[] town() {
		String region = regions.draw(random);
		List<String[]> candidates = towns.get(region);
		return candidates.get(random.nextInt(candidates.size()));
	}
}
