package ma.amo.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) for the browser tests: one per test
 * class, registered with {@code @RegisterExtension static Browser browser = new Browser();}. It signs in through the
 * login form, checks each page with axe-core (no serious or critical violation of WCAG 2.1 A/AA), and keeps a
 * screenshot and the page's HTML in {@code target/screenshots} when a test fails. A machine without Chromium skips
 * the browser tests; CI installs it.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, TestWatcher {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");
	private static final String AXE = axeSource();

	private WebDriver driver;

	@Override
	public void beforeAll(ExtensionContext context) {
		Assumptions.assumeTrue(new File("/usr/bin/chromium").canExecute() && new File("/usr/bin/chromedriver").canExecute(),
				"Chromium and ChromeDriver are not installed");
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=fr",
				"--window-size=1280,900");
		driver = new ChromeDriver(new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (driver != null) {
			driver.quit();
		}
	}

	@Override
	public void testFailed(ExtensionContext context, Throwable cause) {
		if (driver == null) {
			return;
		}
		String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
		try {
			Files.createDirectories(SCREENSHOTS);
			Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
			Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
		}
		catch (IOException | RuntimeException e) {
			cause.addSuppressed(e);
		}
	}

	public WebDriver driver() {
		return driver;
	}

	/** Opens a page of the platform. */
	public Browser open(Api api, String path) {
		driver.get(api.base() + path);
		return this;
	}

	/**
	 * Signs in through the login form as the account {@code user} is logged in as, and lands on {@code path}. An agent
	 * types the code of the next 30-second step: each code opens one login, and the API client may have used the
	 * current one.
	 */
	public Browser signIn(Api user, String path) {
		driver.manage().deleteAllCookies();
		driver.get(user.base() + "/login");
		driver.findElement(By.name("username")).sendKeys(user.username());
		driver.findElement(By.name("password")).sendKeys(user.password());
		if (user.totpSecret() != null) {
			driver.findElement(By.name("otp"))
				.sendKeys(ma.amo.security.Totp.code(user.totpSecret(), Instant.now(RealTime.CLOCK).plusSeconds(30)));
		}
		driver.findElement(By.cssSelector("main button[type=submit]")).click();
		waitFor(d -> !d.getCurrentUrl().contains("/login"));
		driver.get(user.base() + path);
		return this;
	}

	/**
	 * Waits for the condition; an element read while a submitted form loads its answer may belong to the page being
	 * left (stale): the condition is then asked again on the new page.
	 */
	public void waitFor(ExpectedCondition<?> condition) {
		new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
			.until(condition);
	}

	public WebElement find(By by) {
		waitFor(ExpectedConditions.presenceOfElementLocated(by));
		return driver.findElement(by);
	}

	public String text(String id) {
		return find(By.id(id)).getText();
	}

	/**
	 * Runs axe-core on the page as it is now and fails on any serious or critical violation of WCAG 2.1 A and AA,
	 * naming the rule and the elements.
	 */
	@SuppressWarnings("unchecked")
	public void assertAccessible() {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		js.executeScript(AXE);
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		Object result = js.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
				  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
				    .map(v => ({id: v.id, impact: v.impact, help: v.help,
				      nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))))
				  .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));
				""");
		List<Map<String, Object>> violations = (List<Map<String, Object>>) result;
		assertThat(violations).as("accessibility of %s", driver.getCurrentUrl()).isEmpty();
	}

	private static String axeSource() {
		try (var in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
