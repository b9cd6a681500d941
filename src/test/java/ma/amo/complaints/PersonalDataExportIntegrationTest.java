package ma.amo.complaints;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import ma.amo.population.PopulationImports;
import ma.amo.providers.Profession;
import ma.amo.providers.ProviderDirectory;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Registers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The answer to an access request under loi 09-08: what the platform holds on the person, gathered from each module. */
@IntegrationTest
class PersonalDataExportIntegrationTest {

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@LocalServerPort
	int port;

	Api api;
	Api officer;

	@BeforeEach
	void client() {
		api = new Api(port);
		officer = ma.amo.support.Users.dataProtectionOfficer(api);
	}

	String person(String lastName, LocalDate birth) {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, birth.getYear() < 2007 ? cin() : null, lastName, "Salma", birth, 'F'));
		return idcs;
	}

	long file(String idcs, String category) {
		Api.Response filed = api.post("/api/v1/complaints", """
				{"complainantKind":"INSURED","complainantId":"%s","category":"%s","subject":"Mes données",
				 "description":"Je demande la communication de toutes les données me concernant."}""".formatted(idcs, category),
				"Idempotency-Key", UUID.randomUUID().toString());
		assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
		return filed.body().get("id").asLong();
	}

	@Test
	void theExportOfAnAccessRequestHoldsThePersonTheirMembershipRightsClaimsAndComplaints() {
		String idcs = person("Chraibi", LocalDate.of(1979, 2, 3));
		String child = person("Chraibi", LocalDate.of(2015, 9, 1));
		Api.Response enrolled = api.post("/api/v1/enrolments",
				"{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}".formatted(idcs));
		assertThat(enrolled.status()).as(enrolled.raw()).isEqualTo(201);
		String registration = enrolled.body().get("member").get("registrationNumber").asText();
		Api.Response attached = api.post("/api/v1/members/" + registration + "/dependants",
				"{\"idcs\":\"%s\",\"relation\":\"CHILD\",\"startDate\":\"2024-01-01\"}".formatted(child));
		assertThat(attached.status()).as(attached.raw()).isEqualTo(201);
		String doctor = directory.register(new ProviderDirectory.NewProfessional("Idrissi", "Karim",
				Profession.GENERAL_PRACTITIONER, null, "Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"),
				LocalDate.of(2020, 1, 1)).inpe();
		Api.Response claim = api.post("/api/v1/claims?adjudicate=true", """
				{"kind":"MEMBER_REIMBURSEMENT","patientIdcs":"%s","careDate":"2025-04-02","filedOn":"2025-04-10",
				 "executingInpe":"%s","lines":[{"actCode":"C","billed":80}]}""".formatted(idcs, doctor),
				"Idempotency-Key", UUID.randomUUID().toString());
		assertThat(claim.status()).as(claim.raw()).isEqualTo(201);
		Api.Response employer = api.post("/api/v1/employers", """
				{"name":"Atlas Textile","ice":"%015d","region":"Rabat-Salé-Kénitra","commune":"Rabat (Mun.)",
				 "affiliatedOn":"2010-01-01"}""".formatted(7_000_000_000_000L + Long.parseLong(idcs.substring(0, 9))));
		assertThat(employer.status()).as(employer.raw()).isEqualTo(201);
		String affiliation = employer.body().get("affiliationNumber").asText();
		Api.Response declared = api.upload("/api/v1/contributions/declaration-imports", "declarations.csv",
				"affiliation_number;month;registration_number;days;gross_salary\n" + affiliation + ";2025-03;" + registration
						+ ";26;6500.00\n");
		assertThat(declared.status()).as(declared.raw()).isEqualTo(201);
		long other = file(idcs, "REIMBURSEMENT_DELAY");
		long request = file(idcs, "DATA_PROTECTION_ACCESS");

		Api.Response answer = officer.get("/api/v1/complaints/" + request + "/personal-data-export");
		assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
		JsonNode export = answer.body();
		assertThat(export.get("legalBasis").asText()).contains("09-08");
		assertThat(export.get("person").get("idcs").asText()).isEqualTo(idcs);
		assertThat(export.get("person").get("lastName").asText()).isEqualTo("Chraibi");
		JsonNode membership = export.get("memberships").get(0);
		assertThat(membership.get("member").get("registrationNumber").asText()).isEqualTo(registration);
		assertThat(membership.get("enrolments").get(0).get("enrolment").get("regime").asText()).isEqualTo("SALARIED_PRIVATE");
		assertThat(membership.get("dependants").get(0).get("idcs").asText()).isEqualTo(child);
		JsonNode salary = membership.get("declaredSalaries").get(0);
		assertThat(salary.get("employer").asText()).isEqualTo(affiliation);
		assertThat(salary.get("month").asText()).isEqualTo("2025-03-01");
		assertThat(salary.get("days").asInt()).isEqualTo(26);
		assertThat(salary.get("grossSalary").get("amount").decimalValue()).isEqualByComparingTo("6500.00");
		assertThat(export.get("rightsHistory")).isNotEmpty();
		assertThat(export.get("rightsHistory").findValuesAsString("status")).contains("OPEN");
		JsonNode claims = export.get("claims");
		assertThat(claims).hasSize(1);
		assertThat(claims.get(0).get("id").asLong()).isEqualTo(claim.body().get("id").asLong());
		assertThat(claims.get(0).get("lines").get(0).get("actCode").asText()).isEqualTo("C");
		assertThat(claims.get(0).get("lines").get(0).get("outcome").asText()).isEqualTo("ACCEPTED");
		assertThat(export.get("complaints").findValuesAsString("category"))
			.containsExactly("REIMBURSEMENT_DELAY", "DATA_PROTECTION_ACCESS");
		assertThat(export.get("complaints").get(0).get("id").asLong()).isEqualTo(other);
	}

	@Test
	void theExportAlsoComesAsAZipOfJsonAndCsvFiles() throws Exception {
		String idcs = person("Benjelloun", LocalDate.of(1975, 7, 14));
		long request = file(idcs, "DATA_PROTECTION_ACCESS");
		HttpResponse<byte[]> zip = officer.download("/api/v1/complaints/" + request + "/personal-data-export?format=zip");
		assertThat(zip.statusCode()).isEqualTo(200);
		assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
		Map<String, String> files = new HashMap<>();
		try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip.body()), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
				files.put(entry.getName(), new String(entries.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		assertThat(files).containsKeys("donnees.json", "identite.csv", "droits.csv", "soins.csv", "salaires-declares.csv",
				"reclamations.csv");
		assertThat(files.get("identite.csv")).contains(idcs, "Benjelloun");
		assertThat(files.get("reclamations.csv")).contains("Mes données");
		assertThat(officer.get("/api/v1/complaints/" + request + "/personal-data-export?format=pdf").status()).isEqualTo(400);
	}

	@Test
	void aChildsExportShowsWhoseDependantTheyAre() {
		String parent = person("Fassi", LocalDate.of(1982, 5, 6));
		String child = person("Fassi", LocalDate.of(2016, 1, 1));
		Api.Response enrolled = api.post("/api/v1/enrolments",
				"{\"idcs\":\"%s\",\"regime\":\"PUBLIC_SECTOR\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}".formatted(parent));
		String registration = enrolled.body().get("member").get("registrationNumber").asText();
		api.post("/api/v1/members/" + registration + "/dependants",
				"{\"idcs\":\"%s\",\"relation\":\"CHILD\",\"startDate\":\"2024-01-01\"}".formatted(child));
		JsonNode export = officer.get("/api/v1/complaints/" + file(child, "DATA_PROTECTION_ACCESS") + "/personal-data-export").body();
		assertThat(export.get("memberships")).isEmpty();
		assertThat(export.get("dependantOf").get(0).get("relation").asText()).isEqualTo("CHILD");
		assertThat(export.get("claims")).isEmpty();
	}

	@Test
	void onlyAnAccessRequestGetsAnExport() {
		long correction = file(person("Lahlou", LocalDate.of(1990, 1, 1)), "DATA_PROTECTION_CORRECTION");
		Api.Response refused = officer.get("/api/v1/complaints/" + correction + "/personal-data-export");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body().get("errors").get(0).get("rule").asText()).isEqualTo("access-request");
	}
}
