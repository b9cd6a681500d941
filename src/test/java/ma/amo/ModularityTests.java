package ma.amo;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(AmoApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicFacades() {
		modules.verify();
	}

	@Test
	void writesTheModuleDiagramsAndCanvases() {
		new Documenter(modules).writeDocumentation();
	}
}
