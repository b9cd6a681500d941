/**
 * The demo population: a generated but realistic population (households across the 12 regions, Moroccan names, RSU
 * scores around the Tadamon threshold, every regime and every rights state), loaded on first start through the same
 * register imports and enrolment load as real data, and written as RNP/RSU files for benchmarks.
 */
@ApplicationModule(displayName = "Demo population")
package ma.amo.demo;

import org.springframework.modulith.ApplicationModule;
