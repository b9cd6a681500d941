/**
 * The pages of providers (rights of a patient, invoices with a live quote, prior approvals, what they sent, their
 * payments) and of insured people (rights and dependants, claims explained line by line, statements, complaints),
 * French first. They call the business modules' public services, which limit each read to the provider's INPE or the
 * member's family.
 */
package ma.amo.web.portal;
