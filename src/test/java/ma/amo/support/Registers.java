package ma.amo.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ma.amo.population.ImportJob;
import ma.amo.population.ImportKind;
import ma.amo.population.ImportMode;
import ma.amo.population.PopulationImports;

/** Loads register rows for a test through the real import path. */
public final class Registers {

	private Registers() {
	}

	public static ImportJob load(PopulationImports imports, ImportKind kind, ImportMode mode, String header,
			List<String> lines) {
		try {
			Path file = Files.createTempFile("register-", ".csv");
			Files.writeString(file, header + "\n" + String.join("\n", lines) + "\n");
			try {
				return imports.importNow(kind, mode, file);
			}
			finally {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static ImportJob persons(PopulationImports imports, String... lines) {
		ImportJob job = load(imports, ImportKind.RNP, ImportMode.ALL_OR_NOTHING, People.RNP_HEADER, List.of(lines));
		if (job.status() != ImportJob.Status.COMPLETED) {
			throw new IllegalStateException("fixture import failed: " + job.message());
		}
		return job;
	}
}
