package ma.amo;

import ma.amo.demo.PopulationFiles;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The AMO platform: one deployable modular monolith, one top-level package per business module. Scheduling runs
 * the nightly jobs (contribution deadlines).
 */
@Modulithic(sharedModules = "shared")
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AmoApplication {

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("generate-population")) {
			PopulationFiles.main(java.util.Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		SpringApplication.run(AmoApplication.class, args);
	}
}
