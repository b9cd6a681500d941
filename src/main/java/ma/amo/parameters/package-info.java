/**
 * Effective-dated parameters: every threshold, delay and amount the business rules read, with the date from which
 * each value applies, so that a decision about a past date uses the values in force on that date.
 */
@ApplicationModule(displayName = "Parameters")
package ma.amo.parameters;

import org.springframework.modulith.ApplicationModule;
