/**
 * The coordinated care pathway: referrals written by a general practitioner or a primary-care establishment to a
 * specialty (and, on the public pathway, to a hospital), with their dates of validity, and the check that tells the
 * claims module whether a cited referral makes a specialist's care compliant.
 */
@ApplicationModule(displayName = "Care pathway")
package ma.amo.pathway;

import org.springframework.modulith.ApplicationModule;
