/**
 * Therapeutic protocols of the long-term conditions (ALD): for a condition of the list, effective-dated versions
 * saying which acts, examinations and medicines (by DCI) an exemption covers and how often; proposed by one regulator
 * account and approved by another (maker-checker), read by payer agents and by the claims' adjudication, which sends
 * an exempted patient's care outside the version in force, or beyond its frequency, to review. The ALD list itself,
 * and its changes under maker-checker, stay with the tariffs.
 */
@ApplicationModule(displayName = "Therapeutic protocols")
package ma.amo.protocols;

import org.springframework.modulith.ApplicationModule;
