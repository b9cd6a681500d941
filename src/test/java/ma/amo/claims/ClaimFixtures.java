package ma.amo.claims;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import ma.amo.population.PopulationImports;
import ma.amo.providers.Profession;
import ma.amo.providers.ProviderDirectory;
import ma.amo.support.Api;
import ma.amo.support.Registers;
import tools.jackson.databind.JsonNode;

/** Patients, doctors and claims through the API, for the claims' integration tests. */
record ClaimFixtures(Api api, PopulationImports imports, ProviderDirectory directory) {

	/** A person born on {@code birth}, covered by the regime from 2024 (no waiting: a job change). */
	String insured(String regime, LocalDate birth) {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, birth.isBefore(LocalDate.of(2007, 1, 1)) ? cin() : null, "Alaoui", "Salma",
				birth, 'F'));
		assertThat(api.post("/api/v1/enrolments", "{\"idcs\":\"%s\",\"regime\":\"%s\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}"
			.formatted(idcs, regime)).status()).isEqualTo(201);
		return idcs;
	}

	String insured(String regime) {
		return insured(regime, LocalDate.of(1985, 6, 1));
	}

	String doctor(Profession profession, String specialty) {
		return directory.register(new ProviderDirectory.NewProfessional("Bennani", "Omar", profession, specialty,
				"Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"), LocalDate.of(2020, 1, 1)).inpe();
	}

	/** A member's claim for the lines, submitted and adjudicated at once. */
	JsonNode claim(String patient, String careDate, String filedOn, String executing, String lines) {
		Api.Response response = api.post("/api/v1/claims?adjudicate=true",
				ClaimAdjudicationIntegrationTest.sheet(patient, careDate, filedOn, executing, lines), "Idempotency-Key",
				UUID.randomUUID().toString());
		assertThat(response.status()).as(response.raw()).isEqualTo(201);
		return response.body();
	}

	/** No claim of these tests' dates is drawn for review, whatever other tests set. */
	void noSample(String... from) {
		for (String date : from) {
			api.post("/api/v1/parameters/claims.review.sample-percent", "{\"effectiveFrom\":\"" + date + "\",\"value\":\"0\"}");
		}
	}
}
