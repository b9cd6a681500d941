package ma.amo.enrolment;

import java.time.LocalDate;

/**
 * The rights of many people changed under one rights event (a portfolio load, a bank statement, a recomputation of a
 * whole population): one event for all of them rather than one per person, which a load of a million members could
 * not afford. Who follows rights looks again at what it holds for the people it follows.
 *
 * @param rightsEventId the rights event
 * @param kind the kind of that event
 * @param from the earliest day whose status changed for one of them
 * @param persons how many people's rights changed
 */
public record RightsChangedInBulk(long rightsEventId, String kind, LocalDate from, int persons) {
}
