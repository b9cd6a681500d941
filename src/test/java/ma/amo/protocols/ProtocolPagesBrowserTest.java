package ma.amo.protocols;

import static org.assertj.core.api.Assertions.assertThat;

import ma.amo.support.Api;
import ma.amo.support.Browser;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The regulator's protocol pages in a browser: one regulator proposes a version through the form (a refused row said
 * in French, nothing stored), a second approves it, and every page passes the accessibility check. Payer agents read
 * the pages without the regulator's controls.
 */
@IntegrationTest
class ProtocolPagesBrowserTest {

	@RegisterExtension
	static Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Test
	void aRegulatorProposesAProtocolVersionThroughTheFormAndASecondRegulatorApprovesIt() {
		Api admin = new Api(port);
		Api maker = Users.as(admin, "REGULATOR", null, null, null);
		Api checker = Users.as(admin, "REGULATOR", null, null, null);
		browser.signIn(maker, "/protocoles/nouveau");
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Proposer une version de protocole");
		browser.assertAccessible();
		new Select(browser.find(By.id("conditionCode"))).selectByValue("19");
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = '2026-01-01'",
				browser.find(By.id("effectiveFrom")));
		browser.find(By.id("source")).sendKeys("Protocole du lupus, version de janvier 2026");
		new Select(browser.find(By.id("kind0"))).selectByValue("ACT");
		browser.find(By.id("code0")).sendKeys("Cs");
		browser.find(By.id("label0")).sendKeys("Consultation du spécialiste");
		browser.find(By.id("maxCount0")).sendKeys("0");
		new Select(browser.find(By.id("period0"))).selectByValue("QUARTER");
		browser.find(By.cssSelector("main button[type=submit]")).click();
		// A count of 0 is refused by the server, said in French next to the row; the form keeps what was typed.
		assertThat(browser.text("problems")).contains("Élément 1 · Nombre : un nombre entre 1 et 999");
		assertThat(browser.find(By.id("code0")).getAttribute("value")).isEqualTo("Cs");
		browser.assertAccessible();
		browser.find(By.id("maxCount0")).clear();
		browser.find(By.id("maxCount0")).sendKeys("2");
		new Select(browser.find(By.id("kind1"))).selectByValue("MEDICINE");
		browser.find(By.id("code1")).sendKeys("hydroxychloroquine");
		browser.find(By.id("label1")).sendKeys("Hydroxychloroquine");
		browser.find(By.id("maxCount1")).sendKeys("1");
		new Select(browser.find(By.id("period1"))).selectByValue("MONTH");
		browser.find(By.cssSelector("main button[type=submit]")).click();
		browser.waitFor(d -> d.getCurrentUrl().contains("propose=ok"));
		assertThat(browser.text("version-status")).isEqualTo("Proposée");
		assertThat(browser.text("items")).contains("HYDROXYCHLOROQUINE", "1 par mois", "2 par trimestre");
		String version = browser.driver().getCurrentUrl().replaceAll(".*/protocoles/(\\d+).*", "$1");
		browser.assertAccessible();
		// The proposer may not approve: said in French, the version stays proposed.
		browser.find(By.id("approve")).click();
		assertThat(browser.text("problems")).contains("le régulateur qui a proposé la version ne peut pas la décider");
		assertThat(browser.text("version-status")).isEqualTo("Proposée");

		browser.signIn(checker, "/protocoles/" + version);
		browser.find(By.id("approve")).click();
		browser.waitFor(d -> d.getCurrentUrl().contains("decide=ok"));
		assertThat(browser.text("version-status")).isEqualTo("Approuvée");
		browser.open(checker, "/protocoles?condition=19");
		assertThat(browser.text("versions")).contains("19 · Lupus", "n° " + version + ", version", "Approuvée");
		browser.assertAccessible();

		// A payer agent reads the same pages, without the regulator's controls, and cannot decide.
		Api agent = Users.as(admin, "PAYER_AGENT", "CNSS", null, null);
		Api.Response list = agent.get("/protocoles?condition=19");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.raw()).contains("n° " + version).doesNotContain("id=\"new-protocol\"");
		assertThat(agent.get("/protocoles/" + version).raw()).doesNotContain("id=\"approve\"");
		assertThat(agent.get("/protocoles/nouveau").status()).isEqualTo(403);
		assertThat(agent.get("/protocoles/123456789").status()).isEqualTo(404);
		assertThat(agent.get("/protocoles/abc").status()).isEqualTo(404);
	}
}
