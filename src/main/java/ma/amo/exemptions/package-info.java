/**
 * ALD exemptions (accords ETM): the register of the exemptions granted to insured persons for a long-term condition
 * of the list, their validity (the condition's number of years, or for life), renewals and revocations; claims ask
 * whether an exemption number is valid for a patient, a condition and a date of care.
 */
@ApplicationModule(displayName = "ALD exemptions")
package ma.amo.exemptions;

import org.springframework.modulith.ApplicationModule;
