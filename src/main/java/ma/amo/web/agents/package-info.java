/**
 * The agents' pages of the web interface: finding a person and reading their file, the claims review queue, the
 * prior-approval queue with its legal clocks, payment batches, the referentials' browsers and the register imports.
 * Each page calls the business modules' public services, which limit what the signed-in agent reads (their payer
 * body and region) exactly as the REST API does, and records each read of personal data in the audit trail.
 */
package ma.amo.web.agents;
