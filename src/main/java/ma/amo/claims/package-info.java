/**
 * Claims: member reimbursement claims (feuilles de soins) and provider invoices in tiers payant, submitted once
 * (idempotency key) one by one or a batch at a time (each claim checked as alone, the batch stored together),
 * adjudicated line by line by an ordered list of named rules at the date of care, priced by the
 * tariffs module's quote, then approved, reviewed by agents or rejected, with their history.
 */
@ApplicationModule(displayName = "Claims")
package ma.amo.claims;

import org.springframework.modulith.ApplicationModule;
