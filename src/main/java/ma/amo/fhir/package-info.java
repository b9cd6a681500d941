/**
 * FHIR R4: the interface of hospital, clinic and pharmacy information systems at {@code /fhir}, a facade over the
 * other modules and not a second store. Each resource is read from, or handed to, the module that owns it (persons
 * from population, rights and cover from enrolment, establishments, professionals and where they practise from
 * providers, claims and their ExplanationOfBenefit from claims, prior approvals from approvals, transfers to
 * establishments from payments); what the platform answers is built on the fly and what it receives is parsed
 * strictly and refused with an OperationOutcome naming the element. Canonical URLs of identifiers and code systems are
 * in {@link ma.amo.fhir.Canonical}.
 */
@ApplicationModule(displayName = "FHIR R4 interface")
package ma.amo.fhir;

import org.springframework.modulith.ApplicationModule;
