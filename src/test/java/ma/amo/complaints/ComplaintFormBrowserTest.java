package ma.amo.complaints;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import ma.amo.population.PopulationImports;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Registers;
import ma.amo.support.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An insured person files a complaint through the web, in a real (headless) Chromium. */
@IntegrationTest
class ComplaintFormBrowserTest {

	private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	static WebDriver browser;

	@Autowired
	PopulationImports imports;

	@Autowired
	Clock clock;

	@Autowired
	ma.amo.audit.AuditTrail trail;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@LocalServerPort
	int port;

	@BeforeAll
	static void open() {
		// Debian's chromium and chromium-driver: .ci/run installs them; a machine without them skips the browser tests.
		Assumptions.assumeTrue(new File("/usr/bin/chromium").canExecute() && new File("/usr/bin/chromedriver").canExecute(),
				"Chromium and ChromeDriver are not installed");
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=fr");
		browser = new ChromeDriver(new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
	}

	@AfterAll
	static void close() {
		if (browser != null) {
			browser.quit();
		}
	}

	private void waitFor(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(condition);
	}

	@Test
	void anInsuredPersonFilesAComplaintOnTheWebAndSeesItsLegalDueDates() {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, cin(), "Squalli", "Hind", LocalDate.of(1988, 3, 21), 'F'));
		Api member = Users.as(new Api(port), "MEMBER", null, null, idcs);
		String username = member.get("/api/v1/users/me").body().get("name").asText();
		String base = "http://localhost:" + port;

		browser.get(base + "/reclamations/nouvelle");
		assertThat(browser.getCurrentUrl()).endsWith("/login");
		browser.findElement(By.name("username")).sendKeys(username);
		browser.findElement(By.name("password")).sendKeys(Users.PASSWORD);
		browser.findElement(By.cssSelector("main button[type=submit]")).click();
		waitFor(ExpectedConditions.urlContains("/reclamations/nouvelle"));

		// Sent empty: the form says what is missing, in French, and files nothing.
		browser.findElement(By.cssSelector("main button[type=submit]")).click();
		waitFor(ExpectedConditions.presenceOfElementLocated(By.id("errors")));
		assertThat(browser.findElement(By.id("errors")).getText()).contains("Catégorie : à renseigner",
				"Objet : à renseigner", "Description : à renseigner");

		new Select(browser.findElement(By.id("category"))).selectByVisibleText("Retard de remboursement");
		browser.findElement(By.id("subject")).sendKeys("Feuille de soins non remboursée");
		browser.findElement(By.id("description")).sendKeys("Déposée il y a trois mois à l'agence de Fès.");
		browser.findElement(By.cssSelector("main button[type=submit]")).click();

		waitFor(ExpectedConditions.urlMatches(".*/reclamations/\\d+$"));
		LocalDate today = LocalDate.now(clock);
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Déposée");
		assertThat(browser.findElement(By.id("acknowledgement-due")).getText()).isEqualTo(today.plusDays(15).format(FRENCH));
		assertThat(browser.findElement(By.id("answer-due")).getText()).isEqualTo(today.plusDays(60).format(FRENCH));
		String reference = browser.findElement(By.id("reference")).getText();
		// Filed in the member's own name, once.
		assertThat(member.get("/api/v1/complaints?complainantKind=INSURED&complainantId=" + idcs).body().size()).isEqualTo(1);
		assertThat(member.get("/api/v1/complaints/" + reference).body().get("subject").asText())
			.isEqualTo("Feuille de soins non remboursée");
		// The page is a read of personal data: in the audit trail under the member's name.
		trail.flush();
		assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'COMPLAINT' and record_id = ? and actor = ?")
			.params(reference, username).query(Long.class).single()).isGreaterThanOrEqualTo(1);
	}
}
