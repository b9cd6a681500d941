package ma.amo.population;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param idcsCheckDigit the algorithm of the IDCS check digit (see {@link IdcsCheckDigit})
 * @param importDirectory where uploaded extracts wait for their import job
 * @param rejectionsKept how many rejected rows of one job are kept with their reason (all are counted)
 */
@ConfigurationProperties("amo.population")
public record PopulationSettings(IdcsCheckDigit idcsCheckDigit, Path importDirectory, int rejectionsKept) {

	public PopulationSettings {
		idcsCheckDigit = idcsCheckDigit == null ? IdcsCheckDigit.LUHN : idcsCheckDigit;
		importDirectory = importDirectory == null ? Path.of("data", "imports") : importDirectory;
		rejectionsKept = rejectionsKept <= 0 ? 10_000 : rejectionsKept;
	}
}
