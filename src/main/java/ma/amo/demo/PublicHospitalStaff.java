package ma.amo.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import ma.amo.providers.Establishment;
import ma.amo.providers.Profession;
import ma.amo.providers.Professional;
import ma.amo.providers.ProviderDirectory;
import ma.amo.providers.ProviderDirectory.NewProfessional;
import ma.amo.providers.Sector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The doctors of the public hospitals: the ministry's lists name the establishments, not who works there, yet a
 * hospital's invoice is signed by the professional who executed the care. Each public hospital gets a general
 * practitioner and a specialist of its kind (a surgeon, a psychiatrist in a psychiatric hospital, an oncologist in an
 * oncology centre), practising there since the establishment was listed.
 */
final class PublicHospitalStaff {

	private static final Logger log = LoggerFactory.getLogger(PublicHospitalStaff.class);
	/** The ministry's lists describe the public network as of 2022: the doctors practise there since. */
	private static final LocalDate SINCE = LocalDate.of(2022, 1, 1);

	private final ProviderDirectory directory;
	private final Random random;
	private final Vocabulary vocabulary = Vocabulary.load();

	PublicHospitalStaff(ProviderDirectory directory, long seed) {
		this.directory = directory;
		// Its own draw: the private sector generated with the same seed stays the same.
		this.random = new Random(seed * 31 + 7);
	}

	/** The public hospitals, or an empty list when the ministry's lists were not loaded. */
	List<Establishment> hospitals() {
		List<Establishment> hospitals = new ArrayList<>();
		for (String category : hospitalCategories()) {
			for (int page = 0;; page++) {
				var found = directory.search(new ProviderDirectory.EstablishmentQuery(null, null, category, Sector.PUBLIC,
						null, null), page, 200);
				hospitals.addAll(found.content());
				if (found.content().size() < 200) {
					break;
				}
			}
		}
		return hospitals;
	}

	/** Whether the hospitals have their doctors already (a restart registers nobody twice). */
	boolean staffed(List<Establishment> hospitals) {
		return hospitals.isEmpty() || !directory.staff(hospitals.getFirst().inpe(), SINCE).isEmpty();
	}

	void register(List<Establishment> hospitals) {
		for (Establishment hospital : hospitals) {
			practise(hospital, Profession.GENERAL_PRACTITIONER, null);
			practise(hospital, Profession.SPECIALIST, specialty(hospital.category()));
		}
		directory.refreshStatistics();
		log.info("Public hospitals: {} doctors registered in {} hospitals", 2 * hospitals.size(), hospitals.size());
	}

	private void practise(Establishment hospital, Profession profession, String specialty) {
		boolean male = random.nextDouble() < 0.55;
		Professional doctor = directory.register(new NewProfessional(vocabulary.familyNames().draw(random)[0],
				(male ? vocabulary.maleNames() : vocabulary.femaleNames()).draw(random)[0], profession, specialty,
				hospital.region(), hospital.province(), hospital.commune()), SINCE);
		directory.practise(doctor.inpe(), hospital.inpe(), SINCE);
	}

	private static String specialty(String category) {
		if (category.startsWith("HPsy") || category.equals("CPU")) {
			return "Psychiatrie";
		}
		return category.equals("CRO") ? "Oncologie" : "Chirurgie générale";
	}

	private static List<String> hospitalCategories() {
		try (InputStream in = PublicHospitalStaff.class.getResourceAsStream("/referentials/public-hospitals-2022-categories.csv")) {
			if (in == null) {
				return List.of();
			}
			String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
			List<String> codes = new ArrayList<>();
			for (int i = 1; i < lines.length; i++) {
				if (!lines[i].isBlank()) {
					codes.add(lines[i].split(",")[0].strip());
				}
			}
			return codes;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
