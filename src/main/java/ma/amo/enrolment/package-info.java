/**
 * Members and their dependants, their periods in the six regimes, and the rights engine that says, for a person and
 * a date, whether rights are open and which rule decided. Also the targeting of Tadamon and Achamil from the social
 * register: one household at a time at an agent's request, and in bulk ({@code targeting}) when the Interior ministry's
 * household file or a new RSU extract is imported, through set-based SQL over the population module's tables.
 */
@ApplicationModule(displayName = "Enrolment and rights")
package ma.amo.enrolment;

import org.springframework.modulith.ApplicationModule;
