package ma.amo.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Set;

import ma.amo.shared.InvalidInput;
import ma.amo.shared.RuleBroken;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ProviderDirectoryIntegrationTest {

	private static final Set<String> HOSPITAL_CATEGORIES = Set.of("HP", "HR", "HIR", "HPr", "HPsyP", "CRO", "HPsyR", "CPU");

	@Autowired
	java.time.Clock clock;

	@Autowired
	ProviderDirectory directory;

	@Autowired
	EstablishmentImport imports;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void client() {
		api = new Api(port);
	}

	@Test
	void theRealPublicEstablishmentsAreRegisteredAtFirstStartWithTheirTerritorialGroup() {
		assertThat(jdbc.sql("select count(*) from establishment where sector = 'PUBLIC' and category in ('HP','HR','HIR','HPr','HPsyP','CRO','HPsyR','CPU')")
			.query(Long.class).single()).isEqualTo(170);
		assertThat(jdbc.sql("select count(*) from establishment where sector = 'PUBLIC'").query(Long.class).single())
			.isEqualTo(170 + 3174);
		Establishment hospital = directory.search(new ProviderDirectory.EstablishmentQuery("Moulay Youssef", null, "HR",
				null, null, null), 0, 5).content().getFirst();
		assertThat(hospital.province()).isEqualTo("Rabat");
		assertThat(hospital.territorialHealthGroup()).isEqualTo("GST Rabat-Salé-Kénitra");
		assertThat(Inpe.problem(hospital.inpe())).isNull();
	}

	@Test
	void nameSearchIgnoresAccentsAndCaseAndToleratesATypo() {
		JsonNode found = api.get("/api/v1/providers/establishments?name=hopital%20mouley%20yousef&category=HR").body();
		assertThat(found.get("content").get(0).get("name").asText()).startsWith("Moulay Youssef");
		JsonNode byCommune = api.get("/api/v1/providers/establishments?commune=KENITRA%20(mun.)&sector=PUBLIC&size=50").body();
		assertThat(byCommune.get("totalElements").asLong()).isEqualTo(24 + 1);
		byCommune.get("content").forEach(e -> assertThat(e.get("commune").asText()).isEqualTo("Kénitra (Mun.)"));
	}

	@Test
	void theMinistrysExcelOriginalImportsTheSameHospitalsWithoutRegisteringThemTwice() throws IOException {
		try (InputStream xlsx = getClass().getResourceAsStream("/referentials/public-hospitals-2022.xlsx")) {
			EstablishmentImport.Outcome outcome = imports.load(xlsx, EstablishmentImport.Format.XLSX, Sector.PUBLIC,
					HOSPITAL_CATEGORIES, LocalDate.of(2022, 1, 1));
			assertThat(outcome.rejected()).isEmpty();
			assertThat(outcome.rowsRead()).isEqualTo(170);
			assertThat(outcome.registered()).isZero();
			assertThat(outcome.alreadyKnown()).isEqualTo(170);
		}
	}

	@Test
	void aListWithABadRowRegistersNothingAndNamesTheRowAndField() {
		long before = jdbc.sql("select count(*) from establishment").query(Long.class).single();
		String csv = "region,delegation,commune,name,category\n"
				+ "Oriental,Oujda-Angad,Oujda (Mun.),Hôpital Test Al Farabi,HR\n"
				+ "Oriental,Oujda-Angad,Oujda (Mun.),Hôpital Test Bis,XX\n"
				+ "Oriental,Oujda-Angad,,Hôpital Test Ter,HP\n";
		Api.Response response = api.upload("/api/v1/providers/establishments/imports?sector=PUBLIC&categories=HR,HP",
				"list.csv", csv);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().get("rejected").get(0).get("line").asLong()).isEqualTo(3);
		assertThat(response.body().get("rejected").get(0).get("field").asText()).isEqualTo("category");
		assertThat(response.body().get("rejected").get(1).get("field").asText()).isEqualTo("commune");
		assertThat(jdbc.sql("select count(*) from establishment").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aConventionCoversProviderFromItsFirstToItsLastDayAndCannotOverlap() {
		Professional doctor = directory.register(new ProviderDirectory.NewProfessional("Tazi", "Nabil",
				Profession.GENERAL_PRACTITIONER, null, "Fès-Meknès", "Fes", "Fès (Mun.)"), LocalDate.of(2020, 1, 1));
		directory.convention(doctor.inpe(), "CNSS", LocalDate.of(2021, 3, 1), LocalDate.of(2025, 12, 31));
		assertThat(directory.conventionedOn(doctor.inpe(), "CNSS", LocalDate.of(2021, 2, 28))).isFalse();
		assertThat(directory.conventionedOn(doctor.inpe(), "CNSS", LocalDate.of(2021, 3, 1))).isTrue();
		assertThat(directory.conventionedOn(doctor.inpe(), "CNSS", LocalDate.of(2025, 12, 31))).isTrue();
		assertThat(directory.conventionedOn(doctor.inpe(), "CNSS", LocalDate.of(2026, 1, 1))).isFalse();
		assertThat(directory.conventionedOn(doctor.inpe(), "CNOPS", LocalDate.of(2022, 1, 1))).isFalse();
		assertThatThrownBy(() -> directory.convention(doctor.inpe(), "CNSS", LocalDate.of(2025, 6, 1), null))
			.isInstanceOf(RuleBroken.class);
	}

	@Test
	void aSuspensionShowsFromItsDateInTheProvidersStanding() {
		Professional dentist = directory.register(new ProviderDirectory.NewProfessional("Berrada", "Salma",
				Profession.DENTIST, null, "Souss-Massa", "Agadir-Ida-Ou-Tanane", "Agadir (Mun.)"), LocalDate.of(2015, 1, 1));
		Api.Response suspended = api.post("/api/v1/providers/" + dentist.inpe() + "/statuses",
				"{\"status\":\"SUSPENDED\",\"effectiveFrom\":\"2025-04-01\",\"reason\":\"Décision ANAM\"}");
		assertThat(suspended.status()).isEqualTo(204);
		assertThat(api.get("/api/v1/providers/" + dentist.inpe() + "/standing?date=2025-03-31").body().get("status").asText())
			.isEqualTo("ACTIVE");
		assertThat(api.get("/api/v1/providers/" + dentist.inpe() + "/standing?date=2025-04-01").body().get("status").asText())
			.isEqualTo("SUSPENDED");
	}

	@Test
	void aSpecialistNeedsASpecialtyAndAMistypedInpeIsRefused() {
		assertThatThrownBy(() -> directory.register(new ProviderDirectory.NewProfessional("Alaoui", "Omar",
				Profession.SPECIALIST, null, "Oriental", "Oujda-Angad", "Oujda (Mun.)"), LocalDate.now(clock)))
			.isInstanceOf(InvalidInput.class);
		Api.Response mistyped = api.get("/api/v1/providers/establishments/123456789");
		assertThat(mistyped.status()).isEqualTo(400);
		assertThat(mistyped.body().get("errors").get(0).get("field").asText()).isEqualTo("inpe");
		Api.Response created = api.post("/api/v1/providers/professionals",
				"{\"lastName\":\"Alaoui\",\"firstName\":\"Omar\",\"profession\":\"SPECIALIST\",\"specialty\":\"Cardiologie\","
						+ "\"region\":\"Oriental\",\"province\":\"Oujda-Angad\",\"commune\":\"Oujda (Mun.)\"}");
		assertThat(created.status()).isEqualTo(201);
		String inpe = created.body().get("inpe").asText();
		String hospital = api.get("/api/v1/providers/establishments?category=HR&region=Oriental&size=1").body()
			.get("content").get(0).get("inpe").asText();
		assertThat(api.post("/api/v1/providers/professionals/" + inpe + "/practices",
				"{\"establishmentInpe\":\"" + hospital + "\",\"startDate\":\"2024-01-01\"}").status()).isEqualTo(204);
		assertThat(api.get("/api/v1/providers/professionals/" + inpe + "/practices?date=2024-01-01").body()
			.findValuesAsString("inpe")).containsExactly(hospital);
		assertThat(api.get("/api/v1/providers/professionals/" + inpe + "/practices?date=2023-12-31").body().size()).isZero();
		assertThat(api.get("/api/v1/providers/professionals?specialty=CARDIOLOGIE&commune=oujda%20(mun.)").body()
			.get("content").findValuesAsString("inpe")).contains(inpe);
	}
}
