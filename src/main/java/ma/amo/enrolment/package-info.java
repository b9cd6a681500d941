/**
 * Members and their dependants, their periods in the six regimes, and the rights engine that says, for a person and
 * a date, whether rights are open and which rule decided. Also the targeting of Tadamon and Achamil from the social
 * register.
 */
@ApplicationModule(displayName = "Enrolment and rights")
package ma.amo.enrolment;

import org.springframework.modulith.ApplicationModule;
