package dev.warden.bootstrap.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real node on MariaDB and Debian's headless Chromium driven by Selenium: the fixture of the
 * console's browser tests. Without Chromium it fails (CI installs it), it never skips.
 */
final class ConsoleBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Waits are bounds against a hang on a slow shared machine, not speed assertions. */
    static final Duration WAIT = Duration.ofSeconds(60);

    final WardenOnMariaDb warden;
    final Api api;
    final String base;
    final WebDriver browser;
    final WebDriverWait wait;

    private ConsoleBrowser(WardenOnMariaDb warden, WebDriver browser) {
        this.warden = warden;
        this.api = new Api(warden.warden.port());
        this.base = "http://127.0.0.1:" + warden.warden.port();
        this.browser = browser;
        this.wait = new WebDriverWait(browser, WAIT);
    }

    static ConsoleBrowser start(Path dataDir) throws Exception {
        return start(dataDir, null);
    }

    /** As {@link #start(Path)}, with Chromium saving downloads (without asking) in {@code downloads} if given. */
    static ConsoleBrowser start(Path dataDir, Path downloads) throws Exception {
        assertThat(CHROMIUM).as("Chromium is needed (apt-get install chromium chromium-driver)").isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver is needed (apt-get install chromium-driver)").isExecutable();
        WardenOnMariaDb warden = WardenOnMariaDb.start(dataDir, Map.of());
        try {
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                    .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1100,800",
                            "--lang=en-US");
            if (downloads != null) {
                options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                        "download.prompt_for_download", false));
            }
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver chrome = new ChromeDriver(service, options);
            // Lets the page write the clipboard and the test read it back: the Copy button is proven, not assumed.
            chrome.executeCdpCommand("Browser.grantPermissions", Map.of("origin", "http://127.0.0.1:" + warden.port(),
                    "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
            return new ConsoleBrowser(warden, chrome);
        } catch (RuntimeException | Error e) {
            warden.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            browser.quit();
        } finally {
            warden.close();
        }
    }

    String adminPat() {
        return warden.adminPat;
    }

    /** A fresh tab state: a class's tests share one browser. */
    void signedOut() {
        browser.get(base + "/ui/");
        js("sessionStorage.clear()");
    }

    /** Signs in with the admin PAT (if not signed in yet) and waits for the organization page. */
    void signIn() {
        if (!browser.findElements(By.id("pat")).isEmpty()) {
            browser.findElement(By.id("pat")).sendKeys(warden.adminPat);
            browser.findElement(By.id("signin")).click();
        }
        visible(By.id("org-id"));
    }

    /** A fresh sign-in with the admin PAT, then the given console route (e.g. "#/users"). */
    void signedInAt(String hashRoute) {
        signedOut();
        browser.get(base + "/ui/");
        signIn();
        browser.get(base + "/ui/" + hashRoute);
    }

    WebElement visible(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** What the system clipboard holds now, as the page reads it. */
    String clipboard() {
        return (String) ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "navigator.clipboard.readText().then(done, (e) => done('clipboard refused: ' + e));");
    }

    /** The value in the open copy-once dialog, after checking it is read-only and warned about. */
    String copyOnceDialog(String noun) {
        WebElement field = visible(By.id("new-token"));
        String value = field.getAttribute("value");
        assertThat(value).isNotBlank();
        assertThat(field.getAttribute("readonly")).isNotNull();
        assertThat(browser.findElement(By.id("token-warning")).getText())
                .contains("This " + noun + " will not be shown again");
        return value;
    }

    /**
     * Screenshots of every run go to bootstrap/target/console-screenshots; with
     * {@code -Dwarden.console.docs=true} they also replace the documentation pictures in docs/console
     * (not by default: they differ in every run, and a test run must leave the work tree clean).
     */
    void screenshot(String name) throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        Path root = cwd.endsWith("bootstrap") ? cwd.getParent() : cwd;
        Path run = root.resolve("bootstrap/target/console-screenshots");
        Files.createDirectories(run);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), run.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        if (Boolean.getBoolean("warden.console.docs")) {
            Path docs = root.resolve("docs/console");
            Files.createDirectories(docs);
            Files.copy(shot.toPath(), docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
