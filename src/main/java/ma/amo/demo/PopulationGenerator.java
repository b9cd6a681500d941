package ma.amo.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import ma.amo.demo.Household.Resident;
import ma.amo.demo.Household.Role;
import ma.amo.demo.Household.Score;
import ma.amo.population.IdcsCheckDigit;

/**
 * Generates households deterministically from a seed: the same seed and size give the same people, so the register
 * files and the enrolment histories can be produced in two passes without holding the population in memory.
 * <p>
 * Proportions: regions by their 2024 census population; heads of household mostly men aged 23 to 80; three in four
 * heads with a spouse; zero to five children; one household in twelve with an elder; seven households in ten in the
 * social register with scores spread around the Tadamon threshold (mean 9.45, standard deviation 0.55).
 */
final class PopulationGenerator {

	private static final String[] CIN_PREFIXES = { "A", "AB", "AD", "B", "BE", "BH", "BJ", "BK", "C", "CB", "CD", "D",
			"DA", "E", "EE", "F", "FA", "G", "GA", "H", "HA", "I", "IA", "J", "JA", "JB", "K", "KB", "L", "LA", "M", "N",
			"P", "PA", "Q", "R", "S", "SH", "T", "U", "UA", "V", "W", "X", "Y", "Z" };

	private final IdcsCheckDigit checkDigit;
	private final LocalDate today;
	private final long seed;
	private final Weighted<String> regions;
	private final Map<String, List<String[]>> communes = new HashMap<>();
	private final Weighted<String[]> maleNames;
	private final Weighted<String[]> femaleNames;
	private final Weighted<String[]> familyNames;

	PopulationGenerator(IdcsCheckDigit checkDigit, LocalDate today, long seed) {
		this.checkDigit = checkDigit;
		this.today = today;
		this.seed = seed;
		Vocabulary vocabulary = Vocabulary.load();
		this.regions = vocabulary.regions();
		for (String[] row : Weighted.rows("/demo/communes.csv")) {
			communes.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row);
		}
		this.maleNames = vocabulary.maleNames();
		this.femaleNames = vocabulary.femaleNames();
		this.familyNames = vocabulary.familyNames();
	}

	/** Generates households until {@code persons} people exist (the last household may be cut short). */
	void generate(long persons, Consumer<Household> sink) {
		Random random = new Random(seed);
		long[] nextIdcs = { 100_000_000 };
		long made = 0;
		long household = 0;
		while (made < persons) {
			Household h = household(random, ++household, nextIdcs, persons - made);
			made += h.residents().size();
			sink.accept(h);
		}
	}

	private Household household(Random random, long number, long[] nextIdcs, long room) {
		String region = regions.draw(random);
		List<String[]> regionCommunes = communes.get(region);
		String[] place = regionCommunes.get(random.nextInt(regionCommunes.size()));
		String[] family = familyNames.draw(random);
		List<Resident> residents = new ArrayList<>();
		boolean maleHead = random.nextDouble() < 0.8;
		int headAge = 23 + (int) Math.round(Math.abs(random.nextGaussian()) * 18);
		headAge = Math.min(headAge, 85);
		Resident head = resident(random, nextIdcs, family, maleHead, headAge, place, Role.HEAD);
		residents.add(head);
		if (headAge >= 24 && random.nextDouble() < 0.75 && residents.size() < room) {
			int spouseAge = Math.max(19, maleHead ? headAge - random.nextInt(11) : headAge + random.nextInt(8));
			residents.add(resident(random, nextIdcs, familyNames.draw(random), !maleHead, spouseAge, place, Role.SPOUSE));
		}
		int children = headAge < 25 ? random.nextInt(2) : new int[] { 0, 1, 1, 2, 2, 2, 3, 3, 4, 5 }[random.nextInt(10)];
		int oldestChild = Math.max(0, Math.min(30, headAge - 20));
		for (int i = 0; i < children && residents.size() < room; i++) {
			residents.add(resident(random, nextIdcs, family, random.nextBoolean(), random.nextInt(oldestChild + 1), place,
					Role.CHILD));
		}
		if (random.nextDouble() < 0.08 && residents.size() < room) {
			residents.add(resident(random, nextIdcs, familyNames.draw(random), random.nextBoolean(), 70 + random.nextInt(20),
					place, Role.ELDER));
		}
		List<Score> scores = new ArrayList<>();
		if (random.nextDouble() < 0.7) {
			double score = Math.max(6, Math.min(13, 9.45 + random.nextGaussian() * 0.55));
			LocalDate first = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(540));
			scores.add(new Score(BigDecimal.valueOf(score).setScale(7, RoundingMode.HALF_UP), first));
			if (random.nextDouble() < 0.15) {
				double newer = Math.max(6, Math.min(13, score + random.nextGaussian() * 0.3));
				scores.add(new Score(BigDecimal.valueOf(newer).setScale(7, RoundingMode.HALF_UP),
						LocalDate.of(2025, 1, 1).plusDays(random.nextInt(300))));
			}
		}
		return new Household("MH" + String.format("%010d", number), residents, scores);
	}

	private Resident resident(Random random, long[] nextIdcs, String[] family, boolean male, int age, String[] place,
			Role role) {
		String idcs = null;
		while (idcs == null) {
			idcs = checkDigit.complete(Long.toString(nextIdcs[0]++));
		}
		String[] first = (male ? maleNames : femaleNames).draw(random);
		LocalDate birth = today.minusYears(age).minusDays(random.nextInt(365));
		String cin = null;
		if (age >= 18 && random.nextDouble() < 0.97) {
			// Unique for the first 46 million people: a given six digits get a different prefix in every million.
			long n = nextIdcs[0] - 100_000_000;
			long digits = n % 1_000_000;
			int prefix = (int) ((n / 1_000_000 + digits * 7) % CIN_PREFIXES.length);
			cin = CIN_PREFIXES[prefix] + String.format("%06d", digits);
		}
		LocalDate death = null;
		double deathChance = age >= 70 ? 0.05 : age >= 50 ? 0.01 : 0.002;
		if (random.nextDouble() < deathChance) {
			death = today.minusDays(1 + random.nextInt(1000));
			if (death.isBefore(birth)) {
				death = null;
			}
		}
		return new Resident(idcs, cin, family[0], first[0], family[1], first[1], birth, male ? 'M' : 'F', place[2],
				place[1], place[0], death, role);
	}
}
