/**
 * The demo data: a generated but realistic population (households across the 12 regions, Moroccan names, RSU scores
 * around the Tadamon threshold, every regime and every rights state) and private health sector, loaded on first start
 * through the same register imports, enrolment load and provider directory as real data; the population is also
 * written as RNP/RSU files for benchmarks.
 */
@ApplicationModule(displayName = "Demo population")
package ma.amo.demo;

import org.springframework.modulith.ApplicationModule;
