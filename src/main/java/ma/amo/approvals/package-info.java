/**
 * Prior approvals (prises en charge): requests of establishments before a hospital stay, a series of sessions or a
 * costly treatment, their automatic pre-check (rights, care that needs approval, the estimate), the medical
 * reviewer's decision within the legal delay counted in working hours, extensions, renewals, history and the list of
 * overdue requests; invoices then consume what an approval grants.
 */
@ApplicationModule(displayName = "Prior approvals")
package ma.amo.approvals;

import org.springframework.modulith.ApplicationModule;
