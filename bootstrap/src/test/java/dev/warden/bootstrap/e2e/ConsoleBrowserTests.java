package dev.warden.bootstrap.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;

/**
 * Base of the console's browser test classes: one node on MariaDB and one headless Chromium for
 * the class ({@link ConsoleBrowser}), saving downloads in {@link #downloads} without asking.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsoleBrowserTests {

    protected ConsoleBrowser console;
    protected WardenOnMariaDb warden;
    protected Api api;
    /** The first-instance PAT: IAM_OWNER and ORG_OWNER. */
    protected String admin;
    protected String base;
    protected WebDriver browser;
    protected WebDriverWait wait;
    protected Path downloads;

    @BeforeAll
    void startConsole(@TempDir Path dataDir, @TempDir Path downloadDir) throws Exception {
        downloads = downloadDir;
        console = ConsoleBrowser.start(dataDir, downloadDir);
        warden = console.warden;
        api = console.api;
        admin = console.adminPat();
        base = console.base;
        browser = console.browser;
        wait = console.wait;
    }

    @AfterAll
    void stopConsole() {
        if (console != null) {
            console.close();
        }
    }
}
