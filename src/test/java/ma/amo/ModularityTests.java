package ma.amo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.DependencyType;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(AmoApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicFacades() {
		modules.verify();
	}

	@Test
	void paymentsNeverCallsIntoClaimsAndClaimsLearnsOfPaymentsByTheirEvent() {
		ApplicationModule payments = modules.getModuleByName("payments").orElseThrow();
		ApplicationModule claims = modules.getModuleByName("claims").orElseThrow();
		// Payments reads payable claims through its own PayableClaims, which claims answers: no dependency on claims.
		assertThat(payments.getDirectDependencies(modules).containsModuleNamed("claims")).isFalse();
		assertThat(claims.getDirectDependencies(modules, DependencyType.EVENT_LISTENER).containsModuleNamed("payments"))
			.isTrue();
	}

	@Test
	void claimsNeverCallsIntoApprovalsWhichFollowClaimsAndRightsByTheirEvents() {
		ApplicationModule approvals = modules.getModuleByName("approvals").orElseThrow();
		ApplicationModule claims = modules.getModuleByName("claims").orElseThrow();
		// Claims asks through its own ApprovalCheck, which approvals answers: no dependency on approvals.
		assertThat(claims.getDirectDependencies(modules).containsModuleNamed("approvals")).isFalse();
		assertThat(approvals.getDirectDependencies(modules, DependencyType.EVENT_LISTENER).containsModuleNamed("claims"))
			.isTrue();
		assertThat(approvals.getDirectDependencies(modules, DependencyType.EVENT_LISTENER)
			.containsModuleNamed("enrolment")).isTrue();
	}

	@Test
	void writesTheModuleDiagramsAndCanvases() {
		new Documenter(modules).writeDocumentation();
	}
}
