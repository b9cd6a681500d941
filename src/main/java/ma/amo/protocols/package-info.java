/**
 * Therapeutic protocols of the long-term conditions (ALD): for a condition of the list, effective-dated versions
 * saying which acts, examinations and medicines (by DCI) an exemption covers and how often; proposed by one regulator
 * account and approved by another (maker-checker), read by payer agents and by the claims' adjudication, which sends
 * an exempted patient's care outside the version in force, or beyond its frequency, to review. Also the changes to the
 * ALD list itself (add, change, retire a condition from a date) under the same maker-checker.
 */
@ApplicationModule(displayName = "Therapeutic protocols")
package ma.amo.protocols;

import org.springframework.modulith.ApplicationModule;
