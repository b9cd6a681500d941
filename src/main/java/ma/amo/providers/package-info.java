/**
 * The directory of health providers: professionals and establishments identified by their INPE, where professionals
 * practise, their conventions with the payer bodies and their status, all dated; search by name (accent-insensitive,
 * typo-tolerant), INPE, specialty, category and commune.
 */
@ApplicationModule(displayName = "Providers")
package ma.amo.providers;

import org.springframework.modulith.ApplicationModule;
