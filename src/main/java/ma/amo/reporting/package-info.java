/**
 * The AMO's indicators for the regulator and the payer bodies: beneficiaries, Tadamon and Achamil registrations,
 * claims, amounts, payment delays, prior approvals, rejections, medicines and complaints. The figures are computed in
 * the background from the other modules' tables, read-only and set-based, into a small table of monthly cells, so that
 * the dashboard and the open-data downloads read thousands of rows, not millions, whatever the population; each
 * indicator carries its French definition and hides small counts.
 */
@ApplicationModule(displayName = "Reporting")
package ma.amo.reporting;

import org.springframework.modulith.ApplicationModule;
