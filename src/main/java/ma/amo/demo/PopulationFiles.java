package ma.amo.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import ma.amo.demo.Household.Resident;
import ma.amo.demo.Household.Score;
import ma.amo.population.IdcsCheckDigit;

/**
 * Writes a generated population as an RNP extract and an RSU extract, in the formats the register imports read.
 * Streams: memory stays constant whatever the number of persons.
 * <p>
 * Command line: {@code ./mvnw -q spring-boot:run -Dspring-boot.run.arguments="generate-population 1000000 target/population"}
 */
public final class PopulationFiles {

	public static final String RNP_HEADER = "idcs,cin,last_name,first_name,last_name_ar,first_name_ar,birth_date,sex,commune,province,region,death_date";
	public static final String RSU_HEADER = "household_id,idcs,score,score_date";

	/** The RNP and RSU files written, with how many persons and score rows they hold. */
	public record Written(Path rnp, Path rsu, long persons, long scores) {
	}

	private PopulationFiles() {
	}

	static Written write(PopulationGenerator generator, long persons, Path directory) {
		try {
			Files.createDirectories(directory);
			Path rnp = directory.resolve("rnp-" + persons + ".csv");
			Path rsu = directory.resolve("rsu-" + persons + ".csv");
			long[] counts = new long[2];
			try (BufferedWriter people = Files.newBufferedWriter(rnp, StandardCharsets.UTF_8);
					BufferedWriter scores = Files.newBufferedWriter(rsu, StandardCharsets.UTF_8)) {
				people.write(RNP_HEADER);
				people.newLine();
				scores.write(RSU_HEADER);
				scores.newLine();
				generator.generate(persons, household -> {
					try {
						for (Resident r : household.residents()) {
							people.write(r.idcs() + ',' + nullable(r.cin()) + ',' + r.lastName() + ',' + r.firstName() + ','
									+ r.lastNameAr() + ',' + r.firstNameAr() + ',' + r.birthDate() + ',' + r.sex() + ','
									+ r.commune() + ',' + r.province() + ',' + r.region() + ',' + nullable(r.deathDate()));
							people.newLine();
							counts[0]++;
							for (Score s : household.scores()) {
								scores.write(household.id() + ',' + r.idcs() + ',' + s.score().toPlainString() + ',' + s.date());
								scores.newLine();
								counts[1]++;
							}
						}
					}
					catch (IOException e) {
						throw new UncheckedIOException(e);
					}
				});
			}
			return new Written(rnp, rsu, counts[0], counts[1]);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String nullable(Object value) {
		return value == null ? "" : value.toString();
	}

	/** {@code generate-population <persons> <directory> [LUHN|MOD_11]} */
	public static void main(String[] args) {
		if (args.length < 2) {
			System.err.println("usage: generate-population <persons> <directory> [LUHN|MOD_11]");
			System.exit(2);
		}
		long persons = Long.parseLong(args[0].replace("_", ""));
		IdcsCheckDigit checkDigit = args.length > 2 ? IdcsCheckDigit.valueOf(args[2]) : IdcsCheckDigit.LUHN;
		long started = System.nanoTime();
		Written written = write(new PopulationGenerator(checkDigit, LocalDate.now(), 2026), persons, Path.of(args[1]));
		System.out.printf("%,d persons in %s, %,d RSU scores in %s (%.1f s)%n", written.persons(), written.rnp(),
				written.scores(), written.rsu(), (System.nanoTime() - started) / 1e9);
	}
}
