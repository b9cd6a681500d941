/**
 * Contributions: what members, employers and the State owe for AMO. For now the computation of the monthly
 * contribution of the salaried and public-sector regimes, with its shares, from the effective-dated rates.
 */
@ApplicationModule(displayName = "Contributions")
package ma.amo.contributions;

import org.springframework.modulith.ApplicationModule;
