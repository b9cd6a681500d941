/**
 * Contributions: what employers, members and the State owe for AMO and what they paid. Monthly declarations imported
 * from files, calls per payer and month (salaried declarations, self-employed categories, Achamil instalments by
 * direct debit, the State's Tadamon statement), payments with late penalties, and the deadlines that suspend rights.
 * Rights follow money through the enrolment module's {@code RightsEvents}: settling a call or missing a due date is an
 * event that recomputes the rights of the members it touches. Bulk checks and whole-portfolio calls read the member,
 * enrolment and dependant tables in SQL (read only), the one way to validate a million-line file in one pass.
 */
@ApplicationModule(displayName = "Contributions")
package ma.amo.contributions;

import org.springframework.modulith.ApplicationModule;
