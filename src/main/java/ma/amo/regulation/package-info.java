/**
 * The regulator's services (ANAM): requests for an INPE filed at its desk and decided under maker-checker between two
 * regulator accounts, the issued INPE registered in the provider directory; and laboratories' requests to list a
 * medicine, followed through the Transparency Committee's steps to the medicines referential version that publishes
 * it; the directory's conventions and provider statuses changed by one regulator and applied by another. Applicants
 * follow their request with its reference and the code handed at filing, without an account.
 */
@ApplicationModule(displayName = "Regulation")
package ma.amo.regulation;

import org.springframework.modulith.ApplicationModule;
