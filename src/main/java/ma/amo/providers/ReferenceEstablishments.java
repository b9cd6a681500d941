package ma.amo.providers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On first start, registers the real public establishments: the Ministry of Health's 2022 lists of public hospitals
 * and primary-care establishments, shipped with the platform.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "amo.providers.load-reference-establishments", havingValue = "true", matchIfMissing = true)
class ReferenceEstablishments implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ReferenceEstablishments.class);
	/** The lists describe the public network as of 2022. */
	private static final LocalDate LISTED_ON = LocalDate.of(2022, 1, 1);

	private final EstablishmentImport imports;
	private final JdbcClient jdbc;

	ReferenceEstablishments(EstablishmentImport imports, JdbcClient jdbc) {
		this.imports = imports;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select exists (select 1 from establishment where sector = 'PUBLIC')").query(Boolean.class).single()) {
			return;
		}
		load("public-hospitals-2022");
		load("primary-care-establishments-2022");
	}

	private void load(String list) {
		EstablishmentImport.Outcome outcome;
		try (InputStream content = resource(list + ".csv")) {
			outcome = imports.load(content, EstablishmentImport.Format.CSV, Sector.PUBLIC, categories(list), LISTED_ON);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (!outcome.imported()) {
			throw new IllegalStateException(list + " could not be imported: " + outcome.rejected());
		}
		log.info("{}: {} public establishments registered", list, outcome.registered());
	}

	private static Set<String> categories(String list) throws IOException {
		Set<String> codes = new LinkedHashSet<>();
		try (InputStream in = resource(list + "-categories.csv")) {
			String[] lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n");
			for (int i = 1; i < lines.length; i++) {
				if (!lines[i].isBlank()) {
					codes.add(lines[i].split(",")[0].strip());
				}
			}
		}
		return codes;
	}

	private static InputStream resource(String name) {
		InputStream in = ReferenceEstablishments.class.getResourceAsStream("/referentials/" + name);
		if (in == null) {
			throw new IllegalStateException("missing resource /referentials/" + name);
		}
		return in;
	}
}
