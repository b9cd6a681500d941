package ma.amo.web.agents;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.letters;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import ma.amo.population.PopulationImports;
import ma.amo.providers.ProviderDirectory;
import ma.amo.providers.Profession;
import ma.amo.providers.Sector;
import ma.amo.support.Api;
import ma.amo.support.Browser;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Payees;
import ma.amo.support.Registers;
import ma.amo.support.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The agents' journeys in a real browser: an agent finds a person and reviews a claim; a medical reviewer decides a
 * prior approval against its clock; finance prepares a batch that another account approves. Each page visited passes
 * the accessibility check. Care on 1 March 2024 is all drawn for review (the claims tests' sample day).
 */
@IntegrationTest
class AgentJourneyBrowserTest {

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

	Api administrator;

	@BeforeEach
	void client() {
		administrator = new Api(port);
		administrator.post("/api/v1/parameters/claims.review.sample-percent", "{\"effectiveFrom\":\"2005-09-01\",\"value\":\"0\"}");
		administrator.post("/api/v1/parameters/claims.review.sample-percent", "{\"effectiveFrom\":\"2024-03-01\",\"value\":\"100\"}");
		administrator.post("/api/v1/parameters/claims.review.sample-percent", "{\"effectiveFrom\":\"2024-03-02\",\"value\":\"0\"}");
		administrator.post("/api/v1/parameters/claims.review.sample-percent", "{\"effectiveFrom\":\"2025-01-01\",\"value\":\"0\"}");
	}

	/** A salaried member covered since 2024, with a family name no other test uses. */
	String insured(String lastName) {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, cin(), lastName, "Salma", LocalDate.of(1985, 6, 1), 'F'));
		Api.Response enrolled = administrator.post("/api/v1/enrolments",
				"{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}".formatted(idcs));
		assertThat(enrolled.status()).as(enrolled.raw()).isEqualTo(201);
		return idcs;
	}

	String doctor() {
		return directory.register(new ProviderDirectory.NewProfessional("Berrada", "Youssef",
				Profession.GENERAL_PRACTITIONER, null, "Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"),
				LocalDate.of(2020, 1, 1)).inpe();
	}

	/** A GP consultation (C, 80 DH) filed by the administrator and adjudicated at once. */
	long consultation(String patient, String careDate) {
		Api.Response response = administrator.post("/api/v1/claims?adjudicate=true", """
				{"kind":"MEMBER_REIMBURSEMENT","patientIdcs":"%s","careDate":"%s","filedOn":"%s","executingInpe":"%s",
				 "lines":[{"actCode":"C","billed":80}]}""".formatted(patient, careDate, careDate, doctor()),
				"Idempotency-Key", UUID.randomUUID().toString());
		assertThat(response.status()).as(response.raw()).isEqualTo(201);
		return response.body().get("id").asLong();
	}

	@Test
	void anAgentFindsAPersonAndConfirmsAClaimInReviewWithEachLineExplained() {
		String name = "Zerhouni" + letters(8);
		String patient = insured(name);
		long claim = consultation(patient, "2024-03-01");
		assertThat(administrator.get("/api/v1/claims/" + claim).body().get("status").asText()).isEqualTo("IN_REVIEW");
		Api agent = Users.as(administrator, "PAYER_AGENT", "CNSS", null, null);

		browser.signIn(agent, "/agents/personnes");
		browser.assertAccessible();
		// The results come while the agent types, without sending the form.
		browser.find(By.id("q")).sendKeys(name);
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#persons a")));
		assertThat(browser.find(By.id("persons")).getText()).contains(patient);
		browser.find(By.cssSelector("#persons a")).click();

		browser.waitFor(d -> d.getCurrentUrl().endsWith("/agents/personnes/" + patient));
		assertThat(browser.text("person-name")).isEqualTo(name + " Salma");
		assertThat(browser.text("rights-status")).isEqualTo("ouverts");
		assertThat(browser.find(By.id("timeline")).getText()).contains("01/01/2024", "ouverts");
		assertThat(browser.find(By.id("claims")).getText()).contains(Long.toString(claim), "En révision", "80,00 DH");
		browser.assertAccessible();

		browser.find(By.id("review-of-person")).click();
		browser.waitFor(d -> d.getCurrentUrl().contains("/agents/revision"));
		assertThat(browser.text("count")).isEqualTo("Dossiers qui attendent une décision : 1");
		assertThat(browser.find(By.id("queue")).getText()).contains("Dossier tiré au sort pour contrôle");
		browser.assertAccessible();
		browser.find(By.linkText("Dossier " + claim)).click();

		browser.waitFor(d -> d.getCurrentUrl().endsWith("/agents/revision/" + claim));
		assertThat(browser.text("claim-status")).isEqualTo("En révision");
		// CNSS covers 70 % of the tariff's 80 DH: 56 DH, with the reasons of the catalogue in French.
		String line = browser.find(By.cssSelector("#lines tbody tr")).getText();
		assertThat(line).contains("80,00 DH", "70 %", "56,00 DH");
		browser.assertAccessible();
		browser.find(By.id("decision-confirm")).click();
		browser.find(By.id("comment")).sendKeys("Ordonnance et feuille de soins conformes");
		browser.find(By.cssSelector("main form button[type=submit]")).click();

		browser.waitFor(d -> d.getCurrentUrl().contains("decide=ok"));
		assertThat(browser.text("claim-status")).isEqualTo("Accepté");
		assertThat(administrator.get("/api/v1/claims/" + claim).body().get("status").asText()).isEqualTo("APPROVED");
		assertThat(administrator.get("/api/v1/claims/" + claim + "/history").body().findValuesAsString("actor"))
			.contains(agent.username());
	}

	@Test
	void aMedicalReviewerSeesTheTimeLeftOnTheLegalClockAndRefusesARequestWithItsReason() {
		String patient = insured("Alaoui");
		String clinic = directory.register(new ProviderDirectory.NewEstablishment("Clinique Souissi " + UUID.randomUUID(),
				"CLINIC", Sector.PRIVATE, "Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"), LocalDate.of(2020, 1, 1))
			.provider().inpe();
		Api establishment = Users.as(administrator, "PROVIDER", null, clinic, null);
		Api.Response asked = establishment.post("/api/v1/prior-approvals", """
				{"patientIdcs":"%s","establishmentInpe":"%s","careType":"HOSPITAL_STAY","expectedStart":"%s","stayDays":3,
				 "lines":[{"actCode":"APPENDICECTOMIE","billed":2000.00}],"medicalNote":"Appendicite aiguë"}"""
			.formatted(patient, clinic, LocalDate.now(clock).plusDays(7)), "Idempotency-Key", UUID.randomUUID().toString());
		assertThat(asked.status()).as(asked.raw()).isEqualTo(201);
		String reference = asked.body().get("reference").asText();
		Api reviewer = Users.medicalReviewer(administrator);

		browser.signIn(reviewer, "/agents/ententes-prealables");
		String row = browser.find(By.xpath("//tr[td/a[text()='" + reference + "']]")).getText();
		// Received a moment ago, due 48 working hours later: the clock has not run yet.
		assertThat(row).contains("Hospitalisation", patient).containsPattern("4[78] h \\d{1,2} min ouvrées");
		browser.assertAccessible();
		browser.find(By.linkText(reference)).click();
		browser.waitFor(d -> d.getCurrentUrl().endsWith(reference));
		assertThat(browser.text("approval-status")).isEqualTo("En attente");
		browser.assertAccessible();
		new Select(browser.find(By.id("decision"))).selectByValue("REJECTED");
		browser.find(By.id("reason")).sendKeys("Indication non établie");
		browser.find(By.cssSelector("main form button[type=submit]")).click();
		browser.waitFor(d -> d.getCurrentUrl().contains("decide=ok"));
		assertThat(browser.text("approval-status")).isEqualTo("Refusée");

		// The referentials' browsers, with a search each.
		browser.open(reviewer, "/agents/actes?q=consultation");
		assertThat(browser.find(By.id("results")).getText()).contains("C");
		browser.assertAccessible();
		browser.open(reviewer, "/agents/medicaments?name=a");
		browser.assertAccessible();
		browser.open(reviewer, "/agents/etablissements?q=Clinique Souissi");
		assertThat(browser.find(By.id("results")).getText()).contains("Clinique Souissi");
		browser.assertAccessible();
	}

	@Test
	void financePreparesABatchThatTheSameAccountMayNotApproveAndAnotherApprovesAndDownloads() {
		String patient = insured("Bennani");
		Payees.account(administrator, "MEMBER", patient);
		long claim = consultation(patient, "2025-09-01");
		assertThat(administrator.get("/api/v1/claims/" + claim).body().get("status").asText()).isEqualTo("APPROVED");
		Api preparer = Users.as(administrator, "FINANCE", null, null, null);
		Api approver = Users.as(administrator, "FINANCE", null, null, null);

		browser.signIn(preparer, "/agents/paiements");
		browser.assertAccessible();
		new Select(browser.find(By.id("payerBody"))).selectByValue("CNSS");
		browser.find(By.cssSelector("main form button[type=submit]")).click();
		browser.waitFor(d -> d.getCurrentUrl().matches(".*/agents/paiements/\\d+$"));
		String batchPage = browser.driver().getCurrentUrl().substring(administrator.base().length());
		assertThat(browser.text("batch-status")).isEqualTo("Préparé");
		assertThat(browser.find(By.id("transfers")).getText()).contains(patient);
		browser.assertAccessible();
		browser.find(By.cssSelector("main form button[type=submit]")).click();
		assertThat(browser.find(By.id("problems")).getText())
			.isEqualTo("Approbation : vous avez préparé ce lot : un autre compte de la finance doit l'approuver");
		assertThat(browser.text("batch-status")).isEqualTo("Préparé");

		browser.signIn(approver, batchPage);
		browser.find(By.cssSelector("main form button[type=submit]")).click();
		browser.waitFor(d -> d.getCurrentUrl().contains("approved=ok"));
		assertThat(browser.text("batch-status")).isEqualTo("Approuvé");
		// The bank file is the API's download, which the signed-in session may take.
		String csv = (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0]).then(r => r.text()).then(done).catch(e => done(String(e)));""",
				browser.find(By.id("download-csv")).getAttribute("href"));
		assertThat(csv).startsWith("reference;payee_kind;payee").contains(patient);
	}

	@Test
	void anAdministratorUploadsARegisterExtractAndWatchesItsProgressToTheEnd() throws java.io.IOException {
		java.nio.file.Path file = java.nio.file.Files.createTempFile("rnp-", ".csv");
		java.nio.file.Files.writeString(file, ma.amo.support.People.RNP_HEADER + "\n"
				+ rnp(idcs(), cin(), "Tahiri", "Omar", LocalDate.of(1990, 1, 1), 'M') + "\n");
		browser.signIn(administrator, "/agents/imports");
		browser.assertAccessible();
		browser.find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		browser.find(By.cssSelector("main form button[type=submit]")).click();
		browser.waitFor(d -> d.getCurrentUrl().matches(".*/agents/imports/\\d+$"));
		// htmx asks for the progress every second until the job has finished.
		browser.waitFor(ExpectedConditions.textToBe(By.id("job-status"), "Terminé"));
		assertThat(browser.find(By.id("bar")).getAttribute("value")).isEqualTo("100");
		browser.assertAccessible();
		java.nio.file.Files.delete(file);
	}

	@Test
	void anAdministratorImportsAListOfEstablishmentsAndWatchesItsRowsCheckedAndStored() throws java.io.IOException {
		java.nio.file.Path file = java.nio.file.Files.createTempFile("etablissements-", ".csv");
		java.nio.file.Files.writeString(file, "region,delegation,commune,name,category\n"
				+ "Rabat-Salé-Kénitra,Rabat,Rabat (Mun.),Clinique Navigateur " + java.util.UUID.randomUUID() + ",CLINIC\n");
		browser.signIn(administrator, "/agents/imports-referentiels");
		browser.assertAccessible();
		new org.openqa.selenium.support.ui.Select(browser.find(By.id("kind"))).selectByValue("ESTABLISHMENTS");
		new org.openqa.selenium.support.ui.Select(browser.find(By.id("sector"))).selectByValue("PRIVATE");
		browser.find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		browser.find(By.cssSelector("main form button[type=submit]")).click();
		browser.waitFor(d -> d.getCurrentUrl().matches(".*/agents/imports-referentiels/\\d+$"));
		browser.waitFor(ExpectedConditions.textToBe(By.id("job-status"), "Terminé"));
		assertThat(browser.text("stored")).isEqualTo("1 / 1");
		assertThat(browser.text("outcome")).contains("1 établissement(s) enregistré(s)");
		browser.assertAccessible();
		java.nio.file.Files.delete(file);
	}
}
