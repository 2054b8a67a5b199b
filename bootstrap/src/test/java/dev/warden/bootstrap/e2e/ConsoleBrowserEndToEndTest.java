package dev.warden.bootstrap.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The web console in a real browser: Debian's headless Chromium, driven by Selenium, against a
 * real node on MariaDB. The whole service-user and PAT workflow is clicked through, and what the
 * console hands out is then proven over plain HTTP. Screenshots of the main pages are written to
 * bootstrap/target/console-screenshots (and docs/console with -Dwarden.console.docs=true).
 * Without Chromium the test fails (CI installs it), it never skips.
 */
class ConsoleBrowserEndToEndTest extends ConsoleBrowserTests {

    private static final String XSS = "<img src=x onerror=alert(1)>";
    private static final Duration WAIT = ConsoleBrowser.WAIT;
    private static final HttpClient HTTP = HttpClient.newHttpClient();


    @Test
    void theWholeWorkflowInTheBrowserHandsOutATokenThatWorksUntilItIsDeleted() throws Exception {
        signedOut();
        browser.get(base + "/ui");
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/ui/");
        WebElement patField = visible(By.id("pat"));
        screenshot("sign-in");

        // A refused token is said so, in words, under the field.
        patField.sendKeys("not-a-token");
        browser.findElement(By.id("signin")).click();
        assertThat(visible(By.cssSelector("#signin-status .error")).getText()).contains("The token was refused");

        patField.clear();
        patField.sendKeys(warden.adminPat, Keys.ENTER);
        String orgId = api.call("GET", "/management/v1/orgs/me", warden.adminPat, null).text("/org/id");
        wait.until(ExpectedConditions.textToBe(By.id("org-id"), orgId));
        assertThat(browser.getCurrentUrl()).doesNotContain(warden.adminPat);
        screenshot("organization");

        browser.findElement(By.id("nav-users")).click();
        visible(By.cssSelector("#users table"));
        screenshot("service-users");
        browser.findElement(By.id("user-search")).sendKeys("no-such-robot", Keys.ENTER);
        assertThat(visible(By.id("users-empty")).getText()).isEqualTo("No service user matches.");
        browser.findElement(By.id("new-user")).click();
        visible(By.id("user-name")).sendKeys("console-robot");
        browser.findElement(By.id("display-name")).sendKeys("Console Robot");
        screenshot("new-service-user");
        browser.findElement(By.id("create-user")).click();
        wait.until(ExpectedConditions.textToBe(By.id("detail-user-name"), "console-robot"));
        visible(By.id("pats-empty"));
        String userId = browser.getCurrentUrl().replaceAll(".*#/users/([^/]+)/pats$", "$1");

        browser.findElement(By.id("create-pat")).click();
        String token = copyOnceDialog("token");
        browser.findElement(By.id("copy-token")).click();
        wait.until(ExpectedConditions.textToBe(By.id("copy-status"), "Copied to the clipboard."));
        assertThat(console.clipboard()).as("what the Copy button put on the clipboard").isEqualTo(token);
        screenshot("copy-the-token");
        browser.findElement(By.id("close-token")).click();
        visible(By.cssSelector("tr[data-pat-id]"));
        assertThat(browser.findElements(By.id("new-token"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(token);
        assertThat(browser.findElement(By.cssSelector("tr[data-pat-id]")).getText()).contains("never");

        // The date picker: a past date is refused in words next to the form; a future one is listed.
        WebElement expiry = browser.findElement(By.id("pat-expiration"));
        expiry.sendKeys("01012001");
        assertThat(expiry.getAttribute("value")).isEqualTo("2001-01-01");
        browser.findElement(By.id("create-pat")).click();
        assertThat(visible(By.cssSelector("#pats-status .error")).getText()).startsWith("Not accepted: ");
        expiry.sendKeys("12312030");
        assertThat(expiry.getAttribute("value")).isEqualTo("2030-12-31");
        browser.findElement(By.id("create-pat")).click();
        visible(By.id("close-token")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr[data-pat-id]"), 2));
        assertThat(browser.findElement(By.id("pats")).getText()).contains("2030-12-31 23:59:59 UTC");
        screenshot("personal-access-tokens");

        // Without a role the new token sees no organization; the console grants ORG_OWNER.
        assertThat(api.call("GET", "/management/v1/orgs/me", token, null).status()).isNotEqualTo(200);
        browser.findElement(By.id("tab-roles")).click();
        visible(By.id("role-ORG_OWNER")).click();
        browser.findElement(By.id("save-roles")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("current-roles"), "ORG_OWNER"));
        screenshot("organization-roles");
        assertThat(api.call("POST", "/management/v1/orgs/me/members/_search", warden.adminPat, "{}").text())
                .contains(userId);

        Api.Reply withToken = api.call("GET", "/management/v1/orgs/me", token, null);
        assertThat(withToken.status()).isEqualTo(200);
        assertThat(withToken.text("/org/id")).isEqualTo(orgId);

        browser.findElement(By.id("tab-pats")).click();
        visible(By.cssSelector("tr[data-pat-id='" + neverExpiringTokenId(userId) + "'] .delete-pat")).click();
        visible(By.id("confirm-yes")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr[data-pat-id]"), 1));
        assertThat(api.call("GET", "/management/v1/orgs/me", token, null).status()).isEqualTo(401);

        // Signing out forgets the token: the next page is the sign-in page.
        browser.findElement(By.id("sign-out")).click();
        visible(By.id("pat"));
        assertThat(((JavascriptExecutor) browser)
                .executeScript("return sessionStorage.length")).isEqualTo(0L);
    }

    @Test
    void aUserNameHoldingHtmlIsShownAsTextAndNoScriptRuns() throws Exception {
        Api.Reply created = api.call("POST", "/management/v1/users/machine", warden.adminPat,
                "{\"userName\":\"xss-robot\",\"name\":\"" + XSS + "\"}");
        assertThat(created.status()).isEqualTo(200);
        signedOut();
        browser.get(base + "/ui/");
        signIn();
        browser.get(base + "/ui/#/users");
        WebElement row = visible(By.xpath("//tr[td/a[text()='xss-robot']]"));
        assertThat(row.findElement(By.className("user-display-name")).getText()).isEqualTo(XSS);
        browser.get(base + "/ui/#/users/" + created.text("/userId") + "/pats");
        wait.until(ExpectedConditions.textToBe(By.id("detail-display-name"), XSS));
        assertThat(browser.findElements(By.tagName("img"))).isEmpty();
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());

        // An API refusal is said in words next to the form that caused it.
        browser.get(base + "/ui/#/users/new");
        visible(By.id("user-name")).sendKeys("xss-robot");
        browser.findElement(By.id("display-name")).sendKeys("Twice", Keys.ENTER);
        assertThat(visible(By.cssSelector("#new-user-status .error")).getText()).startsWith("That already exists");

        // A narrow window: the page does not scroll sideways (wide tables scroll inside their box).
        browser.get(base + "/ui/#/users");
        browser.manage().window().setSize(new Dimension(400, 800));
        try {
            visible(By.cssSelector("#users table"));
            assertThat(((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                    .isEqualTo(true);
            screenshot("narrow-window");
        } finally {
            browser.manage().window().setSize(new Dimension(1100, 800));
        }
    }

    @Test
    void editDeactivateReactivateAClientSecretAndDeleteInTheBrowserTakeEffectOverHttp() throws Exception {
        Api.Reply created = api.call("POST", "/management/v1/users/machine", warden.adminPat,
                "{\"userName\":\"lifecycle-robot\",\"name\":\"Lifecycle Robot\"}");
        assertThat(created.status()).isEqualTo(200);
        String userId = created.text("/userId");
        assertThat(api.call("POST", "/management/v1/orgs/me/members", warden.adminPat,
                "{\"userId\":\"" + userId + "\",\"roles\":[\"ORG_OWNER\"]}").status()).isEqualTo(200);
        String pat = api.call("POST", "/management/v1/users/" + userId + "/pats", warden.adminPat, "{}").text("/token");
        assertThat(api.call("GET", "/management/v1/orgs/me", pat, null).status()).isEqualTo(200);
        signedOut();
        browser.get(base + "/ui/");
        signIn();
        browser.get(base + "/ui/#/users/" + userId + "/profile");

        // Edit: an empty display name is refused in words next to the form; a new one is saved.
        WebElement name = visible(By.id("edit-display-name"));
        name.clear();
        ((JavascriptExecutor) browser).executeScript("arguments[0].removeAttribute('required')", name);
        browser.findElement(By.id("save-profile")).click();
        assertThat(visible(By.cssSelector("#profile-status .error")).getText()).startsWith("Not accepted: ");
        visible(By.id("edit-display-name")).sendKeys("Renamed Robot");
        browser.findElement(By.id("edit-description")).sendKeys("Runs the nightly " + XSS);
        browser.findElement(By.id("save-profile")).click();
        wait.until(ExpectedConditions.textToBe(By.id("detail-display-name"), "Renamed Robot"));
        Api.Reply stored = api.call("GET", "/management/v1/users/" + userId, warden.adminPat, null);
        assertThat(stored.text("/user/machine/name")).isEqualTo("Renamed Robot");
        assertThat(stored.text("/user/machine/description")).isEqualTo("Runs the nightly " + XSS);
        assertThat(browser.findElements(By.tagName("img"))).isEmpty();

        // Deactivate: the user's PAT is refused; reactivate: accepted again.
        assertThat(visible(By.id("user-state")).getText()).isEqualTo("active");
        browser.findElement(By.id("deactivate-user")).click();
        wait.until(ExpectedConditions.textToBe(By.id("user-state"), "inactive"));
        screenshot("service-user-inactive");
        assertThat(api.call("GET", "/management/v1/orgs/me", pat, null).status()).isEqualTo(401);
        visible(By.id("reactivate-user")).click();
        wait.until(ExpectedConditions.textToBe(By.id("user-state"), "active"));
        assertThat(api.call("GET", "/management/v1/orgs/me", pat, null).status()).isEqualTo(200);

        // Client secret: shown once in the copy dialog, works for client_credentials until removed.
        browser.findElement(By.id("tab-secret")).click();
        assertThat(visible(By.id("secret-state")).getText()).isEqualTo("This user has no client secret.");
        browser.findElement(By.id("generate-secret")).click();
        String secret = copyOnceDialog("secret");
        screenshot("copy-the-client-secret");
        browser.findElement(By.id("close-token")).click();
        wait.until(ExpectedConditions.textToBe(By.id("secret-state"), "This user has a client secret."));
        assertThat(browser.getPageSource()).doesNotContain(secret);
        assertThat(clientCredentials(secret)).isEqualTo(200);
        visible(By.id("remove-secret")).click();
        visible(By.id("confirm-yes")).click();
        wait.until(ExpectedConditions.textToBe(By.id("secret-state"), "This user has no client secret."));
        assertThat(clientCredentials(secret)).isEqualTo(401);

        // Delete, after a confirmation: back to the list, without the user; its PAT is refused.
        browser.findElement(By.id("delete-user")).click();
        assertThat(visible(By.id("confirm-question")).getText()).contains("lifecycle-robot");
        screenshot("delete-service-user");
        browser.findElement(By.id("confirm-yes")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/ui/#/users"));
        visible(By.cssSelector("#users table"));
        assertThat(browser.findElements(By.xpath("//tr[td/a[text()='lifecycle-robot']]"))).isEmpty();
        assertThat(api.call("GET", "/management/v1/users/" + userId, warden.adminPat, null).status()).isEqualTo(404);
        assertThat(api.call("GET", "/management/v1/orgs/me", pat, null).status()).isEqualTo(401);
    }

    private int clientCredentials(String secret) {
        return api.form("/oauth/v2/token", "lifecycle-robot", secret, "grant_type=client_credentials&scope=openid")
                .status();
    }

    /** The id of the user's PAT without expiration: the one copied first. */
    private String neverExpiringTokenId(String userId) {
        Api.Reply pats = api.call("POST", "/management/v1/users/" + userId + "/pats/_search", warden.adminPat, "{}");
        assertThat(pats.status()).isEqualTo(200);
        for (var pat : pats.at("/result")) {
            if (pat.path("expirationDate").asText().startsWith("9999-")) {
                return pat.path("id").asText();
            }
        }
        throw new AssertionError("the copied token is not listed: " + pats.text());
    }

    @Test
    void theConsoleAnswersCarryItsOwnStrictPolicyAndTheApiKeepsItsOwn() throws Exception {
        HttpResponse<String> page = get("/ui/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(
                "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                        + "form-action 'none'; frame-ancestors 'none'; base-uri 'none'");
        assertThat(page.headers().allValues("Content-Security-Policy")).hasSize(1);
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.body()).contains("<script type=\"module\" src=\"app.js\">")
                .doesNotContain("<script>").doesNotContain("style=");
        assertThat(get("/ui/app.js").headers().firstValue("Content-Type")).hasValue("text/javascript; charset=UTF-8");
        HttpResponse<String> redirect = get("/ui");
        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(redirect.headers().firstValue("Location")).hasValue("/ui/");
        for (String unknown : new String[] {"/ui/missing.js", "/ui/..%2Fpom.xml", "/ui/%2e%2e/application.yaml",
                "/ui/ui/app.js"}) {
            assertThat(get(unknown).statusCode()).as(unknown).isEqualTo(404);
        }
        assertThat(api.call("GET", "/management/v1/orgs/me", warden.adminPat, null).raw().headers()
                .firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void everyFileOfTheConsoleSourcesIsServedAndNoOther() throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        Path sources = (cwd.endsWith("bootstrap") ? cwd.getParent() : cwd).resolve("adapters-http/src/main/resources/ui");
        try (var files = java.nio.file.Files.list(sources)) {
            for (Path file : files.toList()) {
                assertThat(get("/ui/" + file.getFileName()).statusCode()).as("served: " + file.getFileName()).isEqualTo(200);
            }
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String copyOnceDialog(String noun) {
        return console.copyOnceDialog(noun);
    }

    private void signedOut() {
        console.signedOut();
    }

    private void signIn() {
        console.signIn();
    }

    private WebElement visible(By locator) {
        return console.visible(locator);
    }

    private void screenshot(String name) throws Exception {
        console.screenshot(name);
    }
}
