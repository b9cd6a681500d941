package ma.amo.web.portal;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import ma.amo.population.PopulationImports;
import ma.amo.providers.Profession;
import ma.amo.providers.ProviderDirectory;
import ma.amo.providers.Sector;
import ma.amo.support.Api;
import ma.amo.support.Registers;
import ma.amo.support.Users;

/**
 * A private clinic under convention with CNSS, a general practitioner who practises there, insured people of the
 * private sector's regime, and the clinic's account: the people of the portal's tests, made through the platform's own
 * services and API. No claim of these tests is drawn for review by the sample.
 */
record PortalFixtures(Api administrator, PopulationImports imports, ProviderDirectory directory, String clinic,
		String doctor) {

	static PortalFixtures create(int port, PopulationImports imports, ProviderDirectory directory) {
		Api administrator = new Api(port);
		administrator.post("/api/v1/parameters/claims.review.sample-percent", "{\"effectiveFrom\":\"2026-01-01\",\"value\":\"0\"}");
		String clinic = directory.register(new ProviderDirectory.NewEstablishment("Clinique Souissi " + UUID.randomUUID(),
				"CLINIC", Sector.PRIVATE, "Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"), LocalDate.of(2020, 1, 1))
			.provider().inpe();
		directory.convention(clinic, "CNSS", LocalDate.of(2025, 1, 1), null);
		String doctor = directory.register(new ProviderDirectory.NewProfessional("Tazi", "Karim",
				Profession.GENERAL_PRACTITIONER, null, "Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"), LocalDate.of(2020, 1, 1))
			.inpe();
		directory.practise(doctor, clinic, LocalDate.of(2020, 1, 1));
		return new PortalFixtures(administrator, imports, directory, clinic, doctor);
	}

	/** A person of the register, enrolled in the private sector's regime from 2024 (no waiting: a job change). */
	String insured(String firstName) {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, cin(), "Alami", firstName, LocalDate.of(1984, 2, 11), 'F'));
		Api.Response enrolled = administrator.post("/api/v1/enrolments",
				"{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}".formatted(idcs));
		assertThat(enrolled.status()).as(enrolled.raw()).isEqualTo(201);
		return idcs;
	}

	/** A member and their child (born 2015, attached from 2024): the member's IDCS, then the child's. */
	String[] family(String firstName) {
		String member = idcs();
		Registers.persons(imports, rnp(member, cin(), "Alami", firstName, LocalDate.of(1984, 2, 11), 'F'));
		Api.Response enrolled = administrator.post("/api/v1/enrolments",
				"{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}".formatted(member));
		assertThat(enrolled.status()).as(enrolled.raw()).isEqualTo(201);
		String child = idcs();
		Registers.persons(imports, rnp(child, null, "Alami", "Yasmine", LocalDate.of(2015, 9, 1), 'F'));
		Api.Response attached = administrator.post("/api/v1/members/"
				+ enrolled.body().get("member").get("registrationNumber").asText() + "/dependants",
				"{\"idcs\":\"%s\",\"relation\":\"CHILD\",\"startDate\":\"2024-01-01\"}".formatted(child));
		assertThat(attached.status()).as(attached.raw()).isEqualTo(201);
		return new String[] { member, child };
	}

	/** The clinic's account on the platform. */
	Api clinicAccount() {
		return Users.as(administrator, "PROVIDER", null, clinic, null);
	}

	/** An insured person's own account. */
	Api memberAccount(String idcs) {
		return Users.as(administrator, "MEMBER", null, null, idcs);
	}

	/** A consultation of the doctor, filed by the member and adjudicated at once: C billed 80 DH, 56.00 covered. */
	long consultation(String idcs, LocalDate careDate) {
		Api.Response filed = administrator.post("/api/v1/claims?adjudicate=true", """
				{"kind":"MEMBER_REIMBURSEMENT","patientIdcs":"%s","careDate":"%s","filedOn":"%s","executingInpe":"%s",
				 "lines":[{"actCode":"C","billed":80}]}""".formatted(idcs, careDate, careDate, doctor),
				"Idempotency-Key", UUID.randomUUID().toString());
		assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
		return filed.body().get("id").asLong();
	}
}
