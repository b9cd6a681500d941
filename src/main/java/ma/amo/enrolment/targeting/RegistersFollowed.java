package ma.amo.enrolment.targeting;

import ma.amo.population.RegisterImported;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Targets Tadamon when the registers change: a household file is answered as soon as it is imported, and every RSU
 * extract targets all the households that applied again, so that a score crossing the threshold moves its household
 * without an agent's call. Each file is targeted once, however often its event is delivered.
 */
@Component
class RegistersFollowed {

	private final HouseholdTargeting targeting;

	RegistersFollowed(HouseholdTargeting targeting) {
		this.targeting = targeting;
	}

	@ApplicationModuleListener
	void on(RegisterImported imported) {
		switch (imported.kind()) {
			case HOUSEHOLD -> targeting.targetFile(imported.importJobId());
			case RSU -> targeting.retargetAfterRsu(imported.importJobId());
			case RNP -> {
				// A change of names or dates of birth moves nobody in or out of Tadamon.
			}
		}
	}
}
