package ma.amo.claims;

import java.time.Clock;
import java.time.LocalDate;

import ma.amo.providers.ProviderDirectory;
import ma.amo.providers.ProviderStatus;
import ma.amo.shared.AccessRefused;
import ma.amo.shared.Viewer;
import org.springframework.stereotype.Component;

/**
 * A provider files only while it is active in the directory: from the day its closing or suspension takes effect, an
 * establishment (its information system, whatever token it still holds) or a professional files nothing. The care
 * date is checked again by adjudication (PROVIDER_NOT_ELIGIBLE); this is about who may file today.
 */
@Component
class FilingStanding {

	private final ProviderDirectory directory;
	private final Clock clock;

	FilingStanding(ProviderDirectory directory, Clock clock) {
		this.directory = directory;
		this.clock = clock;
	}

	void require(Viewer viewer) {
		if (viewer == null || viewer.role() != Viewer.Role.PROVIDER) {
			return;
		}
		LocalDate today = LocalDate.now(clock);
		ProviderStatus status = directory.statusOn(viewer.inpe(), today).orElse(null);
		if (status != ProviderStatus.ACTIVE) {
			throw new AccessRefused("provider " + viewer.inpe() + " is " + (status == null ? "not registered" : status)
					+ " in the directory on " + today + ": it files nothing");
		}
	}
}
