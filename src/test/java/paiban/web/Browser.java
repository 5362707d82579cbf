package paiban.web;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Debian's chromium driven headless through chromium-driver, with a new empty profile each time and no
 * network of its own (no sync, no component updates, no QUIC). Where chromium is missing the browser
 * tests are skipped, except under CI=true, which installs it: there they fail.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    /** Where screenshots for the README go, when -Dpaiban.screenshots=DIR or PAIBAN_SCREENSHOTS=DIR asks. */
    static Path screenshotFolder() {
        String dir = System.getProperty("paiban.screenshots", System.getenv("PAIBAN_SCREENSHOTS"));
        return dir == null || dir.isBlank() ? null : Path.of(dir);
    }

    final WebDriver driver;
    private final Path profile;

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A browser window {@code width} × {@code height} CSS pixels. */
    static Browser open(int width, int height) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present) {
            boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
            assertTrue(!ci, "CI installs chromium and chromium-driver, yet " + CHROMIUM + " or " + DRIVER + " is missing");
            Assumptions.abort("chromium and chromium-driver are not installed here (apt-get install chromium chromium-driver)");
        }
        try {
            Path profile = Files.createTempDirectory("paiban-chromium-");
            ChromeOptions o = new ChromeOptions();
            o.setBinary(CHROMIUM.toFile());
            o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile,
                    "--window-size=" + width + "," + height);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort().build();
            ChromeDriver d = new ChromeDriver(service, o);
            d.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            d.manage().window().setSize(new Dimension(width, height));
            return new Browser(d, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Object js(String script, Object... args) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves a screenshot as docs/NAME.png when asked to (see {@link #screenshotFolder()}). */
    void screenshot(String name) {
        Path dir = screenshotFolder();
        if (dir == null) return;
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            WebEdition.deleteTree(profile);
        }
    }
}
