package ma.amo.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import ma.amo.providers.Profession;
import ma.amo.providers.ProviderDirectory;
import ma.amo.support.Api;
import ma.amo.support.Browser;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The conventions' pages in a real browser: a regulator proposes a convention through the form, cannot sign off their
 * own proposal, a second regulator does and records a doctor's adherence, and a payer agent reads it; every page
 * passed through is checked for accessibility.
 */
@IntegrationTest
class ConventionPagesBrowserTest {

	@RegisterExtension
	static Browser browser = new Browser();

	@Autowired
	ProviderDirectory directory;

	@LocalServerPort
	int port;

	private void type(String id, String value) {
		((JavascriptExecutor) browser.driver()).executeScript("document.getElementById(arguments[0]).value = arguments[1];",
				id, value);
	}

	@Test
	void aRegulatorProposesAConventionASecondSignsItOffAndRecordsADoctorsAdherenceThatAnAgentReads() {
		Api admin = new Api(port);
		Api maker = Users.as(admin, "REGULATOR", null, null, null);
		Api checker = Users.as(admin, "REGULATOR", null, null, null);
		Api agent = Users.as(admin, "PAYER_AGENT", "CNSS", null, null);
		String doctor = directory.register(new ProviderDirectory.NewProfessional("Idrissi", "Omar",
				Profession.GENERAL_PRACTITIONER, null, "Oriental", "Oujda", "Oujda (Mun.)"), LocalDate.of(2020, 1, 1)).inpe();
		String number = "CNSS-MED-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

		browser.signIn(maker, "/regulateur/conventions");
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Conventions");
		browser.assertAccessible();
		browser.find(By.id("new-convention")).click();
		browser.find(By.id("number")).sendKeys(number);
		browser.find(By.id("title")).sendKeys("Convention nationale des médecins avec la CNSS");
		new Select(browser.find(By.id("payerBody"))).selectByValue("CNSS");
		new Select(browser.find(By.id("professionalBody"))).selectByValue("PHYSICIANS_ORDER");
		new Select(browser.find(By.id("tariffVersionId"))).selectByIndex(1);
		type("startDate", "2026-03-01");
		type("endDate", "2026-01-31");
		type("signedOn", "2026-02-10");
		browser.find(By.id("signatories")).sendKeys("Directeur général de la CNSS; Président du Conseil national");
		browser.assertAccessible();
		// An end before the start is refused by the platform beside the form, nothing stored.
		browser.find(By.cssSelector("#proposal button[type=submit]")).click();
		assertThat(browser.text("problems")).contains("Date de fin : pas avant la date d'effet");
		browser.assertAccessible();
		type("endDate", "");
		browser.find(By.cssSelector("#proposal button[type=submit]")).click();
		assertThat(browser.text("convention-status")).isEqualTo("Brouillon, à valider");
		browser.assertAccessible();
		browser.find(By.id("approve")).click();
		assertThat(browser.text("problems")).contains("le régulateur qui a proposé la convention ne peut pas la valider");

		browser.signIn(checker, "/regulateur/conventions/" + number);
		browser.find(By.id("approve")).click();
		assertThat(browser.text("convention-status")).isEqualTo("En vigueur");
		browser.find(By.id("adherent-inpe")).sendKeys(doctor);
		type("adheredOn", "2026-03-15");
		browser.find(By.id("adhere")).click();
		assertThat(browser.text("adherents")).contains(doctor, "15/03/2026");
		browser.assertAccessible();

		browser.signIn(agent, "/agents/conventions?inpe=" + doctor);
		assertThat(browser.text("conventions")).contains(number, "Ordre national des médecins", "En vigueur");
		browser.assertAccessible();
		browser.find(By.linkText(number)).click();
		assertThat(browser.text("adherents")).contains(doctor);
		assertThat(browser.driver().findElements(By.id("approve"))).isEmpty();
		assertThat(browser.driver().findElements(By.id("adhere"))).isEmpty();
		browser.assertAccessible();
	}
}
