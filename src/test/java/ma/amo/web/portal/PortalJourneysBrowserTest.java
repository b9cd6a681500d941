package ma.amo.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import ma.amo.population.PopulationImports;
import ma.amo.providers.ProviderDirectory;
import ma.amo.support.Api;
import ma.amo.support.Browser;
import ma.amo.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The journeys of providers and insured people in a real browser: a provider checks a patient's rights, types an
 * invoice whose lines are priced as they are typed, files it and reads the decision; an insured person reads a claim
 * explained line by line and files a complaint. Every page they pass through is checked for accessibility.
 */
@IntegrationTest
class PortalJourneysBrowserTest {

	private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	@RegisterExtension
	static Browser browser = new Browser();

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@Autowired
	Clock clock;

	@LocalServerPort
	int port;

	@Test
	void aProviderChecksRightsSubmitsAClaimWithItsLiveQuoteAndSeesTheDecision() {
		PortalFixtures fixtures = PortalFixtures.create(port, imports, directory);
		String patient = fixtures.insured("Nadia");
		Api clinic = fixtures.clinicAccount();
		LocalDate yesterday = LocalDate.now(clock).minusDays(1);

		browser.signIn(clinic, "/prestataire/droits");
		browser.assertAccessible();
		browser.find(By.id("idcs")).sendKeys(patient);
		browser.find(By.cssSelector("main button[type=submit]")).click();
		assertThat(browser.text("rights-status")).isEqualTo("Droits ouverts");
		assertThat(browser.text("rights-reason")).isNotBlank();
		browser.assertAccessible();

		browser.find(By.linkText("Saisir une facture pour ce patient")).click();
		browser.find(By.id("patientIdcs")).sendKeys(patient);
		setDate("careDate", yesterday);
		browser.find(By.id("executingInpe")).sendKeys(fixtures.doctor());
		WebElement first = rows().getFirst();
		first.findElement(By.name("code")).sendKeys("C");
		first.findElement(By.name("billed")).sendKeys("80");
		// The quote prices the consultation as it is typed: base 80, 70 %, 56,00 DH covered.
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("quote-covered"), "56,00 DH"));
		assertThat(browser.text("quote-patient")).isEqualTo("24,00 DH");
		assertThat(browser.text("quote-lines")).contains("80,00 DH", "70 %", "Taux de couverture");

		// A second line with a code the tariff does not know: the quote says so beside it, in French.
		browser.find(By.id("add-line")).click();
		WebElement second = rows().get(1);
		second.findElement(By.name("code")).sendKeys("ZZZ9");
		second.findElement(By.name("billed")).sendKeys("100");
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("quote"), "Ligne 2, Code : acte inconnu"));
		browser.assertAccessible();
		second.findElement(By.cssSelector("button.remove-line")).click();
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("quote-covered"), "56,00 DH"));
		assertThat(rows()).hasSize(1);

		browser.find(By.cssSelector("main button[type=submit]")).click();
		browser.waitFor(ExpectedConditions.urlMatches(".*/prestataire/dossiers/\\d+$"));
		assertThat(browser.text("claim-status")).isEqualTo("Accepté");
		assertThat(browser.text("claim-covered")).isEqualTo("56,00 DH");
		assertThat(browser.text("claim-lines")).contains("Accepté", "80,00 DH", "70 %", "56,00 DH");
		browser.assertAccessible();

		browser.open(clinic, "/prestataire/dossiers");
		assertThat(browser.text("claims")).contains(patient, "Accepté", yesterday.format(FRENCH));
		browser.assertAccessible();
		// Sent without its lines, the form says what is missing beside each field, and stays accessible.
		browser.open(clinic, "/prestataire/soins");
		// The browser's own checks are set aside, as an older browser or a script would: the platform checks again.
		((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
				"document.getElementById('care-form').noValidate = true; document.getElementById('patientIdcs').value = '';");
		browser.find(By.cssSelector("main button[type=submit]")).click();
		assertThat(browser.text("errors")).contains("IDCS : à renseigner", "Lignes : au moins une ligne");
		browser.assertAccessible();
		String approval = clinic.post("/api/v1/prior-approvals", """
				{"patientIdcs":"%s","establishmentInpe":"%s","careType":"HOSPITAL_STAY","expectedStart":"%s","stayDays":2,
				 "lines":[{"actCode":"APPENDICECTOMIE","billed":2500}],"medicalNote":"Appendicite"}"""
			.formatted(patient, fixtures.clinic(), yesterday.plusDays(8)), "Idempotency-Key", java.util.UUID.randomUUID().toString())
			.body().get("reference").asText();
		for (String page : List.of("/prestataire/accords/nouvelle", "/prestataire/accords?idcs=" + patient,
				"/prestataire/accords/" + approval, "/prestataire/paiements", "/prestataire/dossiers/999999999")) {
			browser.open(clinic, page);
			browser.find(By.tagName("h1"));
			browser.assertAccessible();
		}
	}

	@Test
	void anInsuredPersonReadsAClaimAndFilesAComplaint() {
		PortalFixtures fixtures = PortalFixtures.create(port, imports, directory);
		String[] family = fixtures.family("Hind");
		String idcs = family[0];
		long claim = fixtures.consultation(family[1], LocalDate.now(clock).minusDays(3));
		Api member = fixtures.memberAccount(idcs);

		browser.signIn(member, "/assure/droits");
		assertThat(browser.text("rights-status")).isEqualTo("Vos droits sont ouverts au " + LocalDate.now(clock).format(FRENCH) + ".");
		// The child's rights, through the member: the claim read below is the child's.
		assertThat(browser.text("family")).contains("Yasmine Alami", family[1], "Enfant", "ouverts");
		browser.assertAccessible();

		browser.open(member, "/assure/dossiers");
		browser.assertAccessible();
		browser.find(By.linkText(Long.toString(claim))).click();
		assertThat(browser.text("claim-status")).isEqualTo("Accepté");
		String lines = browser.text("claim-lines");
		assertThat(lines).contains("80,00 DH", "70 %", "56,00 DH", "Taux de couverture");
		browser.assertAccessible();

		browser.find(By.id("complain")).click();
		browser.waitFor(ExpectedConditions.urlContains("/reclamations/nouvelle"));
		new Select(browser.find(By.id("category"))).selectByVisibleText("Retard de remboursement");
		browser.find(By.id("subject")).sendKeys("Dossier " + claim + " non versé");
		browser.find(By.id("description")).sendKeys("Le dossier est accepté mais je n'ai rien reçu.");
		browser.find(By.id("claimReference")).sendKeys(Long.toString(claim));
		browser.find(By.cssSelector("main button[type=submit]")).click();
		browser.waitFor(ExpectedConditions.urlMatches(".*/reclamations/\\d+$"));
		String reference = browser.text("reference");

		browser.open(member, "/assure/reclamations");
		assertThat(browser.text("complaints")).contains(reference, "Dossier " + claim + " non versé", "Déposée");
		browser.assertAccessible();
		browser.open(member, "/assure/paiements");
		assertThat(browser.text("statement")).contains(Long.toString(claim), "56,00 DH", "à venir");
		browser.assertAccessible();
	}

	private List<WebElement> rows() {
		return browser.driver().findElements(By.cssSelector("#line-rows tr.line-row"));
	}

	/** Types a date in the browser's date field, whatever its display order. */
	private void setDate(String id, LocalDate date) {
		((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
				"const f = document.getElementById(arguments[0]); f.value = arguments[1];"
						+ " f.dispatchEvent(new Event('change', {bubbles: true}));", id, date.toString());
	}
}
