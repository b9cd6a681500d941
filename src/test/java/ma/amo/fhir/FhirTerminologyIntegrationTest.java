package ma.amo.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ma.amo.tariffs.MedicineReferentials;
import org.springframework.beans.factory.annotation.Autowired;
import ma.amo.approvals.CareType;
import ma.amo.providers.Profession;
import ma.amo.providers.ProviderDirectory;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.NamingSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every identifier system and code system the platform names in what it emits, as listed in {@link Canonical}, is
 * served at its canonical place, {@code /fhir/NamingSystem/{id}} or {@code /fhir/CodeSystem/{id}}, and is valid FHIR:
 * a hospital's system can resolve any URL it meets in a ClaimResponse, a Location or an approval.
 */
@IntegrationTest
class FhirTerminologyIntegrationTest {

	@LocalServerPort
	int port;

	IGenericClient client;

	@Autowired
	MedicineReferentials medicines;

	@BeforeEach
	void client() {
		client = Hospitals.as(new Api(port).base(), Api.ADMINISTRATOR, Api.ADMINISTRATOR_PASSWORD);
	}

	@Test
	void everySystemNamedByTheCanonicalUrlsIsServedAndValid() throws IllegalAccessException {
		List<String> systems = new ArrayList<>();
		for (Field field : Canonical.class.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class && !field.getName().equals("BASE")) {
				systems.add((String) field.get(null));
			}
		}
		assertThat(systems).hasSizeGreaterThanOrEqualTo(17);
		for (String url : systems) {
			String id = url.substring(url.lastIndexOf('/') + 1);
			if (url.startsWith(Canonical.BASE + "/CodeSystem/")) {
				CodeSystem system = Conformance.valid(client.read().resource(CodeSystem.class).withId(id).execute());
				assertThat(system.getUrl()).isEqualTo(url);
				assertThat(system.getContent() == CodeSystem.CodeSystemContentMode.NOTPRESENT || system.hasConcept())
					.as(url).isTrue();
			}
			else {
				assertThat(url).startsWith(Canonical.BASE + "/sid/");
				NamingSystem naming = Conformance.valid(client.read().resource(NamingSystem.class).withId(id).execute());
				assertThat(naming.getUniqueIdFirstRep().getValue()).isEqualTo(url);
			}
		}
	}

	@Test
	void theActsAreThoseOfTheTariffInForceWithTheirLabels() {
		CodeSystem acts = client.read().resource(CodeSystem.class).withId("acts").execute();
		assertThat(acts.getVersion()).isNotBlank();
		assertThat(acts.getConcept()).anySatisfy(c -> {
			assertThat(c.getCode()).isEqualTo("C");
			assertThat(c.getDisplay()).isEqualTo("Consultation du généraliste");
		});
		assertThat(acts.getConcept()).extracting(CodeSystem.ConceptDefinitionComponent::getCode)
			.contains("Cs", "K", "APPENDICECTOMIE").doesNotHaveDuplicates();
	}

	@Test
	void theCareTypesProfessionsAndCategoriesListEveryCodeTheirModulesKnow() {
		assertThat(codes("care-types")).containsExactlyElementsOf(Arrays.stream(CareType.values()).map(Enum::name).toList());
		assertThat(codes("professions")).containsExactlyElementsOf(Arrays.stream(Profession.values()).map(Enum::name).toList());
		assertThat(codes("establishment-categories")).containsExactlyElementsOf(ProviderDirectory.CATEGORIES);
		assertThat(codes("prior-approval-info")).containsExactly("medical-note", "protocol", "stay-days", "sessions");
		assertThat(codes("adjudication")).containsExactly("reason", "sessions");
	}

	@Test
	void theMedicinesAreThoseOfTheListInForceWithTheirSubstanceFormAndGenericGroup() {
		LocalDate from = LocalDate.of(2026, 6, 1);
		if (medicines.referentials().stream().noneMatch(r -> r.effectiveFrom().equals(from)
				&& r.status() == ma.amo.tariffs.MedicineReferential.Status.PUBLISHED)) {
			String list = """
					code,name,dci,dosage,form,presentation,ppv,ph,prix_br,princeps_generique,taux_remboursement
					6118000160465,CLAMOXYL,AMOXICILLINE,500 MG,GELULE,1 BOITE 24 GELULE,93.35,,84.0,P,70
					6118000070054,AMOXICILLINE LLORENTE,AMOXICILLINE,500 MG,GELULE,1 BOITE 24 GELULE,84.0,,84.0,G,70
					6118000040019,VITAMINE C,ACIDE ASCORBIQUE,1 G,COMPRIME,1 TUBE 20,25.0,,25.0,P,0
					""";
			var proposal = medicines.propose(new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8)), false,
					"fhir.csv", from, "agent.maker");
			medicines.decide(proposal.referential().id(), "agent.checker", true);
		}
		CodeSystem system = Conformance.valid(client.read().resource(CodeSystem.class).withId("medicines").execute());
		assertThat(system.getContent()).isEqualTo(CodeSystem.CodeSystemContentMode.COMPLETE);
		assertThat(system.getVersion()).isEqualTo("2026-06-01");
		assertThat(system.getCount()).isEqualTo(system.getConcept().size()).isEqualTo(3);
		assertThat(system.getProperty()).extracting(CodeSystem.PropertyComponent::getCode)
			.contains("dci", "form", "generic-group", "generic", "reimbursement-rate");
		CodeSystem.ConceptDefinitionComponent brand = system.getConcept().stream()
			.filter(c -> c.getCode().equals("6118000160465")).findFirst().orElseThrow();
		assertThat(brand.getDisplay()).isEqualTo("CLAMOXYL");
		assertThat(property(brand, "dci")).isEqualTo("AMOXICILLINE");
		assertThat(property(brand, "form")).isEqualTo("GELULE");
		assertThat(property(brand, "generic")).isEqualTo("false");
		assertThat(property(brand, "generic-group")).isEqualTo("AMOXICILLINE | 500 MG | GELULE | 1 BOITE 24 GELULE");
		CodeSystem.ConceptDefinitionComponent generic = system.getConcept().stream()
			.filter(c -> c.getCode().equals("6118000070054")).findFirst().orElseThrow();
		assertThat(property(generic, "generic")).isEqualTo("true");
		assertThat(property(generic, "generic-group")).isEqualTo(property(brand, "generic-group"));
		assertThat(system.getConcept().stream().filter(c -> c.getCode().equals("6118000040019")).findFirst()
			.map(c -> property(c, "reimbursement-rate"))).contains("0");
		// Read again, the list is the same (built once for the version, served as a copy).
		CodeSystem again = client.read().resource(CodeSystem.class).withId("medicines").execute();
		assertThat(again.getConcept()).extracting(CodeSystem.ConceptDefinitionComponent::getCode)
			.containsExactlyElementsOf(system.getConcept().stream().map(CodeSystem.ConceptDefinitionComponent::getCode).toList());
	}

	private static String property(CodeSystem.ConceptDefinitionComponent concept, String code) {
		return concept.getProperty().stream().filter(p -> p.getCode().equals(code)).findFirst()
			.map(p -> p.getValue().primitiveValue()).orElse(null);
	}

	@Test
	void anUnknownCodeSystemOrNamingSystemIsNotFound() {
		assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
				ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException.class,
				() -> client.read().resource(CodeSystem.class).withId("icd-10").execute())).isNotNull();
		assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
				ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException.class,
				() -> client.read().resource(NamingSystem.class).withId("passport").execute())).isNotNull();
	}

	private List<String> codes(String id) {
		return client.read().resource(CodeSystem.class).withId(id).execute().getConcept().stream()
			.map(CodeSystem.ConceptDefinitionComponent::getCode).toList();
	}
}
