/**
 * Conventions between a payer body (CNSS or CNOPS) and a professional body, to which each provider adheres, or one
 * establishment, which it covers alone: their number, title, tariff version, dates, signature and status, proposed by
 * one regulator and signed off by another; the adherence and withdrawal of providers; and the convention in force on
 * a date that lets a provider invoice a payer body in tiers payant. The provider directory's own convention periods
 * are read as signed conventions of one provider.
 */
@ApplicationModule(displayName = "Conventions")
package ma.amo.conventions;

import org.springframework.modulith.ApplicationModule;
