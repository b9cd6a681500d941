package ma.amo.reporting;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;

import ma.amo.population.PopulationImports;
import ma.amo.providers.Profession;
import ma.amo.providers.ProviderDirectory;
import ma.amo.support.Api;
import ma.amo.support.Browser;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Registers;
import ma.amo.support.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The regulator's journey: the dashboard of charts, filtered by payer body, and an indicator downloaded as CSV. With
 * {@code -Damo.dashboard.screenshot=docs/dashboard.png}, the test first adds a year of generated care
 * (bench/reporting-data.sql) and keeps a picture of the whole dashboard there, for the README.
 */
@IntegrationTest
class DashboardBrowserTest {

	@RegisterExtension
	static Browser browser = new Browser();

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@Autowired
	IndicatorRefresh refresh;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@LocalServerPort
	int port;

	/** An insured person with a consultation reimbursed, so that the charts have something to draw. */
	private void care(Api admin) {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, cin(), "Ouazzani", "Karim", LocalDate.of(1985, 2, 3), 'M'));
		assertThat(admin.post("/api/v1/enrolments", "{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}"
			.formatted(idcs)).status()).isEqualTo(201);
		String gp = directory.register(new ProviderDirectory.NewProfessional("Alami", "Sara", Profession.GENERAL_PRACTITIONER,
				null, "Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"), LocalDate.of(2020, 1, 1)).inpe();
		Api.Response filed = admin.post("/api/v1/claims?adjudicate=true", """
				{"kind":"MEMBER_REIMBURSEMENT","patientIdcs":"%s","careDate":"2026-05-04","filedOn":"2026-05-04",
				 "executingInpe":"%s","lines":[{"actCode":"C","billed":80}]}""".formatted(idcs, gp),
				"Idempotency-Key", UUID.randomUUID().toString());
		assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
	}

	/**
	 * Three thousand members across the regions and regimes and a year of generated care, only when a screenshot is
	 * asked: it would change the other tests' queues.
	 */
	private void yearOfCare() throws IOException {
		String members = """
				insert into person (idcs, last_name, first_name, birth_date, sex, commune, province, region)
				select '8' || lpad(g::text, 9, '0'), 'Nom', 'Prénom', date '1960-01-01' + g * 7, case when g % 2 = 0 then 'M' else 'F' end,
				       'Commune', 'Province', (array['Casablanca-Settat', 'Rabat-Salé-Kénitra', 'Marrakech-Safi', 'Fès-Meknès',
				       'Tanger-Tétouan-Al Hoceïma', 'Souss-Massa', 'Oriental', 'Béni Mellal-Khénifra', 'Drâa-Tafilalet',
				       'Guelmim-Oued Noun', 'Laâyoune-Sakia El Hamra', 'Dakhla-Oued Ed-Dahab'])[1 + g % 12]
				from generate_series(1, 3000) g;
				insert into member (idcs, payer_body, registration_number, registered_on)
				select '8' || lpad(g::text, 9, '0'), case when g % 4 = 0 then 'CNOPS' else 'CNSS' end, 'ESSAI-' || g, date '2024-01-01'
				from generate_series(1, 3000) g;
				insert into enrolment (member_id, regime, start_date, waiting_waived)
				select m.id, case when m.payer_body = 'CNOPS' then 'PUBLIC_SECTOR'
				                  else (array['SALARIED_PRIVATE', 'SALARIED_PRIVATE', 'TADAMON', 'SELF_EMPLOYED', 'ACHAMIL', 'STUDENT'])[1 + m.id % 6] end,
				       date '2024-01-01', true
				from member m where m.registration_number like 'ESSAI-%';
				""";
		String sql = members + Files.readString(Path.of("bench/reporting-data.sql")).replace("{claims}", "20000");
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			for (String statement : sql.replaceAll("(?m)^--.*$", "").split(";\\s*\\n")) {
				if (!statement.isBlank()) {
					jdbc.sql(statement).update();
				}
			}
		});
	}

	@Test
	void theRegulatorOpensTheDashboardFiltersItByPayerBodyAndDownloadsACsv() throws IOException {
		Api admin = new Api(port);
		care(admin);
		String screenshot = System.getProperty("amo.dashboard.screenshot");
		if (screenshot != null) {
			yearOfCare();
		}
		refresh.refresh();
		Api regulator = Users.as(admin, "REGULATOR", null, null, null);
		browser.signIn(regulator, "/indicateurs");
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Indicateurs de l’AMO");
		assertThat(browser.driver().findElements(By.cssSelector("section.indicator"))).hasSize(Indicator.values().length);
		assertThat(browser.text("dossiers-par-mois-titre")).isEqualTo("Dossiers déposés, décidés et payés par mois");
		browser.waitFor(d -> !d.findElements(By.cssSelector("#dossiers-par-mois canvas[data-drawn]")).isEmpty());
		assertThat(browser.find(By.cssSelector("#dossiers-par-mois canvas")).getAttribute("aria-label"))
			.startsWith("Graphique : Dossiers déposés, décidés et payés par mois");
		browser.assertAccessible();
		if (screenshot != null) {
			browser.driver().manage().window().setSize(new Dimension(1280, 5200));
			Files.write(Path.of(screenshot), ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
		}

		new Select(browser.find(By.id("organisme"))).selectByValue("CNSS");
		browser.find(By.cssSelector("main button[type=submit]")).click();
		browser.waitFor(d -> d.findElement(By.id("tableau")).getText().contains("Organisme : CNSS."));
		browser.waitFor(d -> d.getCurrentUrl().contains("organisme=CNSS"));
		browser.waitFor(d -> !d.findElements(By.cssSelector("#dossiers-par-mois canvas[data-drawn]")).isEmpty());
		browser.assertAccessible();

		String href = browser.find(By.id("dossiers-par-mois-csv")).getAttribute("href");
		assertThat(href).contains("organisme=CNSS");
		var download = regulator.download(href.substring(href.indexOf("/indicateurs/")));
		assertThat(download.statusCode()).isEqualTo(200);
		String csv = new String(download.body(), StandardCharsets.UTF_8);
		assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(
				"\uFEFFMois;Déposés;Montant facturé (DH);Décidés;Montant pris en charge (DH);Payés;Montant payé (DH)");
		assertThat(csv.lines().skip(1)).allMatch(line -> line.matches("20[0-9]{2}-[0-9]{2}(;[0-9.]*){6}"));
	}

	@Test
	void aWrongMonthInTheFiltersIsExplainedInFrenchNextToItsFieldAndThePageReadsInArabic() {
		Api regulator = Users.as(new Api(port), "REGULATOR", null, null, null);
		Api.Response page = regulator.get("/indicateurs?du=2026-13&organisme=CNSS");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.raw()).contains("id=\"du-erreur\"").contains("Mois à écrire aaaa-mm (par exemple 2026-06).")
			.contains("aria-invalid=\"true\"");
		Api.Response arabic = regulator.get("/indicateurs?lang=ar");
		assertThat(arabic.raw()).contains("dir=\"rtl\"").contains("مؤشرات التأمين الإجباري الأساسي عن المرض")
			.doesNotContain("??reporting");
		Api agent = Users.as(new Api(port), "PAYER_AGENT", "CNOPS", null, null);
		Api.Response other = agent.get("/indicateurs?organisme=CNSS");
		assertThat(other.status()).isEqualTo(200);
		assertThat(other.raw()).contains("Vous ne voyez que les chiffres de votre organisme.")
			.contains("Organisme : CNOPS.");
	}
}
