/**
 * Complaints (réclamations) of insured persons and providers: filed once (idempotency key), acknowledged within 15
 * days and answered within 60 (décret 2-17-265, calendar days from filing), assigned, escalated to the regulator
 * (ANAM), with an append-only history, agents' internal notes and the list of overdue complaints; data-protection
 * requests under loi 09-08 are categories of complaint, and an access request gets the export of everything the
 * platform holds on the person.
 */
@ApplicationModule(displayName = "Complaints")
package ma.amo.complaints;

import org.springframework.modulith.ApplicationModule;
