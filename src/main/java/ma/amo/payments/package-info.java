/**
 * Payments: approved claims paid by their payer body in payment batches, one transfer per payee (the member holding
 * the rights, or the establishment invoicing in tiers payant), with the State's share of Tadamon care beside each
 * transfer for the State's statement, prepared by one finance account and approved by another, the bank file of the
 * transfers and the bank's returns on them (pain.002, camt.054), the amounts paid too much on a claim recovered
 * from the payee's next transfers, and the payees' bank accounts (RIB checked by its key, dated, encrypted).
 */
@ApplicationModule(displayName = "Payments")
package ma.amo.payments;

import org.springframework.modulith.ApplicationModule;
