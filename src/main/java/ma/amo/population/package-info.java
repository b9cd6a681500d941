/**
 * The national registers the platform reads: persons from the population register (RNP, identified by their IDCS)
 * and households' socio-economic scores from the unified social register (RSU), loaded from their CSV extracts, and
 * the Interior ministry's files of households applying for Tadamon. Each completed import is announced
 * ({@link ma.amo.population.RegisterImported}) for the modules that follow the registers.
 */
@ApplicationModule(displayName = "Population registers")
package ma.amo.population;

import org.springframework.modulith.ApplicationModule;
