/**
 * The national registers the platform reads: persons from the population register (RNP, identified by their IDCS)
 * and households' socio-economic scores from the unified social register (RSU), loaded from their CSV extracts.
 */
@ApplicationModule(displayName = "Population registers")
package ma.amo.population;

import org.springframework.modulith.ApplicationModule;
