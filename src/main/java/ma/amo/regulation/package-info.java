/**
 * The regulator's services (ANAM): requests for an INPE filed at its desk and decided under maker-checker between two
 * regulator accounts, the issued INPE registered in the provider directory; and laboratories' requests to list a
 * medicine, followed through the Transparency Committee's steps to the medicines referential version that publishes
 * it. Applicants follow their request with its reference and the code handed at filing, without an account.
 */
@ApplicationModule(displayName = "Regulation")
package ma.amo.regulation;

import org.springframework.modulith.ApplicationModule;
