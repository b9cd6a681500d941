package ma.amo.enrolment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import ma.amo.enrolment.rights.RightsHistory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * What one rights event changed, gathered while the history is recomputed and told once it is: a {@link RightsChanged}
 * per person up to {@link #ONE_BY_ONE} people, one {@link RightsChangedInBulk} beyond, so that memory and the event
 * registry stay bounded whatever the size of the event.
 */
final class RightsReport implements Consumer<RightsHistory.StatusChange> {

	/** Past this many people, one event for all. */
	static final int ONE_BY_ONE = 100;

	private final Map<String, List<RightsChanged.Step>> people = new LinkedHashMap<>();
	private String last;
	private int persons;
	private LocalDate earliest;

	@Override
	public void accept(RightsHistory.StatusChange change) {
		if (!change.idcs().equals(last)) {
			last = change.idcs();
			persons++;
		}
		if (earliest == null || change.from().isBefore(earliest)) {
			earliest = change.from();
		}
		if (persons <= ONE_BY_ONE) {
			people.computeIfAbsent(change.idcs(), k -> new ArrayList<>())
				.add(new RightsChanged.Step(change.from(), change.before(), change.after()));
		}
		else {
			people.clear();
		}
	}

	void publish(ApplicationEventPublisher events, RightsEvents.Event event) {
		if (persons > ONE_BY_ONE) {
			events.publishEvent(new RightsChangedInBulk(event.id(), event.kind(), earliest, persons));
			return;
		}
		people.forEach((idcs, steps) -> events.publishEvent(new RightsChanged(idcs, event.id(), event.kind(),
				List.copyOf(steps))));
	}
}
