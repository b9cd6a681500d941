package ma.amo.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ca.uhn.fhir.rest.client.api.IGenericClient;
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
