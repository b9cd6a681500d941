package ma.amo.web;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import ma.amo.population.PopulationImports;
import ma.amo.support.Api;
import ma.amo.support.Browser;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Registers;
import ma.amo.support.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The shell every page shares: signing in, the menu of one's role, French first and Arabic right to left. */
@IntegrationTest
class WebShellBrowserTest {

	@RegisterExtension
	static Browser browser = new Browser();

	@Autowired
	PopulationImports imports;

	@LocalServerPort
	int port;

	private Api member() {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, cin(), "Bennani", "Salma", LocalDate.of(1990, 4, 2), 'F'));
		return Users.as(new Api(port), "MEMBER", null, null, idcs);
	}

	@Test
	void aPersonNotSignedInIsSentToAnAccessibleLoginForm() {
		Api anonymous = new Api(port).anonymous();
		browser.driver().manage().deleteAllCookies();
		browser.open(anonymous, "/");
		browser.waitFor(d -> d.getCurrentUrl().endsWith("/login"));
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Connexion");
		assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
		browser.assertAccessible();
	}

	@Test
	void aWrongPasswordIsSaidInFrenchAndSignsNoOneIn() {
		Api member = member();
		browser.driver().manage().deleteAllCookies();
		browser.open(member, "/login");
		browser.find(By.name("username")).sendKeys(member.username());
		browser.find(By.name("password")).sendKeys("not-the-password");
		browser.find(By.cssSelector("main button[type=submit]")).click();
		assertThat(browser.find(By.cssSelector("[role=alert]")).getText())
			.isEqualTo("Identifiant, mot de passe ou code incorrect, ou compte verrouillé.");
		browser.open(member, "/");
		browser.waitFor(d -> d.getCurrentUrl().endsWith("/login"));
	}

	@Test
	void anInsuredPersonLandsOnAHomePageThatOffersWhatTheirRoleMayDo() {
		Api member = member();
		browser.signIn(member, "/");
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Bienvenue, " + member.username());
		assertThat(browser.find(By.cssSelector("header nav")).getText()).contains("Accueil", "Déposer une réclamation");
		assertThat(browser.find(By.cssSelector("header .who")).getText()).contains("Assuré");
		browser.assertAccessible();
	}

	@Test
	void anAgentSignsInWithTheirCodeAndIsNotOfferedTheInsuredPersonsComplaintForm() {
		Api agent = Users.as(new Api(port), "PAYER_AGENT", "CNSS", null, null);
		browser.signIn(agent, "/");
		assertThat(browser.find(By.cssSelector("header .who")).getText()).contains("Agent de l'organisme gestionnaire");
		assertThat(browser.find(By.cssSelector("header nav")).getText()).doesNotContain("Déposer une réclamation");
	}

	@Test
	void theInterfaceSwitchesToArabicReadRightToLeftAndKeepsTheChoice() {
		Api member = member();
		browser.signIn(member, "/?lang=ar");
		assertThat(browser.find(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
		assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("ar");
		assertThat(browser.find(By.cssSelector("header nav")).getText()).contains("الرئيسية");
		browser.assertAccessible();
		// The choice is kept for the next pages; an unknown language changes nothing.
		browser.open(member, "/reclamations/nouvelle?lang=xx");
		assertThat(browser.find(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
		browser.open(member, "/?lang=fr");
		assertThat(browser.find(By.tagName("html")).getAttribute("dir")).isEqualTo("ltr");
		assertThat(browser.find(By.tagName("h1")).getText()).startsWith("Bienvenue");
	}
}
