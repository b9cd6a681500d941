/**
 * What care is worth as a reimbursement base, by date: for now the medicines referential (GMR), its versions
 * published under maker-checker, its generic groups and the base each payer body reimburses on; the reference tariff;
 * the long-term conditions (ALD list), added, changed and retired from a date under the regulator's maker-checker.
 */
@ApplicationModule(displayName = "Tariffs")
package ma.amo.tariffs;

import org.springframework.modulith.ApplicationModule;
