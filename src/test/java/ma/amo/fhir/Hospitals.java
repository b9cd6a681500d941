package ma.amo.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BasicAuthInterceptor;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ma.amo.population.PopulationImports;
import ma.amo.providers.Profession;
import ma.amo.providers.ProviderDirectory;
import ma.amo.providers.Sector;
import ma.amo.support.Api;
import ma.amo.support.People;
import ma.amo.support.Registers;
import tools.jackson.databind.json.JsonMapper;

/**
 * A hospital's information system as the FHIR tests play it: an establishment registered in the directory, its
 * system client and token, and HAPI's generic client over real HTTP with that token.
 */
final class Hospitals {

	/** One context for the test JVM: building one reads every structure definition. */
	static final FhirContext FHIR = FhirContext.forR4Cached();

	static {
		FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
	}

	private Hospitals() {
	}

	/** A hospital: its INPE, a practitioner of it, a client holding its token and the token itself. */
	record Hospital(String inpe, String doctor, IGenericClient client, String token) {
	}

	static Hospital hospital(Api admin, ProviderDirectory directory) {
		String inpe = directory.register(new ProviderDirectory.NewEstablishment("Clinique FHIR " + UUID.randomUUID(),
				"CLINIC", Sector.PRIVATE, "Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"), LocalDate.of(2020, 1, 1))
			.provider().inpe();
		String doctor = directory.register(new ProviderDirectory.NewProfessional("Berrada", "Youssef",
				Profession.GENERAL_PRACTITIONER, null, "Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"),
				LocalDate.of(2020, 1, 1)).inpe();
		directory.practise(doctor, inpe, LocalDate.of(2020, 1, 1));
		directory.convention(inpe, "CNSS", LocalDate.of(2020, 1, 1), null);
		directory.convention(inpe, "CNOPS", LocalDate.of(2020, 1, 1), null);
		Api.Response issued = admin.post("/api/v1/system-clients", "{\"inpe\":\"" + inpe + "\"}");
		assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
		String token = token(admin.base(), issued.body().get("clientId").asText(),
				issued.body().get("clientSecret").asText());
		return new Hospital(inpe, doctor, withToken(admin.base(), token), token);
	}

	static IGenericClient withToken(String base, String token) {
		IGenericClient client = anonymous(base);
		client.registerInterceptor(new BearerTokenAuthInterceptor(token));
		return client;
	}

	static IGenericClient as(String base, String username, String password) {
		IGenericClient client = anonymous(base);
		client.registerInterceptor(new BasicAuthInterceptor(username, password));
		return client;
	}

	static IGenericClient anonymous(String base) {
		return FHIR.newRestfulGenericClient(base + "/fhir");
	}

	/** The client credentials grant of the establishment's system. */
	static String token(String base, String clientId, String secret) {
		try {
			HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
					+ "/oauth2/token"))
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=amo")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
			return JsonMapper.builder().build().readTree(answer.body()).get("access_token").asText();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** A person of the population register, enrolled as a salaried worker since 2024 without waiting period: the IDCS. */
	static String insured(Api admin, PopulationImports imports, String lastName, String firstName, LocalDate birth,
			char sex) {
		String idcs = People.idcs();
		Registers.persons(imports, People.rnp(idcs, People.cin(), lastName, firstName, birth, sex));
		assertThat(admin.post("/api/v1/enrolments", "{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}"
			.formatted(idcs)).status()).isEqualTo(201);
		return idcs;
	}
}
