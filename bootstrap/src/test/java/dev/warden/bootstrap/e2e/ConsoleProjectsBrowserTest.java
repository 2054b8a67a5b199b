package dev.warden.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.warden.domain.key.RsaKeys;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Projects, roles, API applications, app keys and user grants in the console, in headless
 * Chromium against a real node on MariaDB: introspection is set up entirely by clicking, and what
 * the console set up is then proven at {@code POST /oauth/v2/introspect} over plain HTTP.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleProjectsBrowserTest extends ConsoleBrowserTests {

    private static final String XSS = "<img src=x onerror=alert(1)>";
    private static final String ROLES = "urn:zitadel:iam:org:project:roles";
    private static final ObjectMapper JSON = new ObjectMapper();


    @Test
    @Order(1)
    void introspectionSetUpInTheConsoleReportsTheGrantedRoleUntilTheGrantAndTheAppAreGone() throws Exception {
        console.signedInAt("#/projects");
        assertThat(visible(By.id("projects-empty")).getText()).isEqualTo("No projects yet. Create one above.");
        screenshot("projects-empty");

        // A project with a role.
        browser.findElement(By.id("project-name")).sendKeys("billing-api");
        browser.findElement(By.id("create-project")).click();
        wait.until(ExpectedConditions.textToBe(By.id("detail-project-name"), "billing-api"));
        String projectId = browser.getCurrentUrl().replaceAll(".*#/projects/([^/]+)$", "$1");
        visible(By.id("roles-empty"));
        visible(By.id("apps-empty"));
        browser.findElement(By.id("role-key")).sendKeys("reader");
        browser.findElement(By.id("role-display-name")).sendKeys("Reader");
        browser.findElement(By.id("role-group")).sendKeys("api");
        browser.findElement(By.id("add-role")).click();
        assertThat(visible(By.cssSelector("tr[data-role-key='reader']")).getText()).contains("Reader").contains("api");

        // An API application with basic auth: its secret is shown once, next to the client id.
        browser.findElement(By.id("app-name")).sendKeys("billing-rs");
        assertThat(browser.findElement(By.id("auth-basic")).isSelected()).isTrue();
        browser.findElement(By.id("create-app")).click();
        String secret = console.copyOnceDialog("secret");
        String label = browser.findElement(By.cssSelector("label[for=new-token]")).getText();
        screenshot("copy-the-app-secret");
        browser.findElement(By.id("close-token")).click();
        String clientId = visible(By.cssSelector("tr[data-app-id] .app-client-id")).getText();
        assertThat(label).contains(clientId);
        assertThat(browser.findElement(By.cssSelector("tr[data-app-id]")).getText()).contains("basic (client secret)");
        assertThat(browser.findElements(By.id("new-token"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(secret);
        screenshot("project");
        browser.findElement(By.id("nav-projects")).click();
        visible(By.cssSelector("tr[data-project-id='" + projectId + "']"));
        screenshot("projects");

        // A service user and its PAT, over HTTP: active for the app, without a role claim yet.
        String userId = api.post("/management/v1/users/machine", admin,
                "{\"userName\":\"introspected-robot\",\"name\":\"Introspected Robot\"}").text("/userId");
        String pat = api.post("/management/v1/users/" + userId + "/pats", admin, "{}").text("/token");
        Api.Reply before = introspect(clientId, secret, pat);
        assertThat(before.at("/active").asBoolean()).isTrue();
        assertThat(before.json().has(ROLES)).isFalse();

        // The Grants tab: choose the project, then its role.
        browser.get(console.base + "/ui/#/users/" + userId + "/grants");
        visible(By.id("grants-empty"));
        new Select(browser.findElement(By.id("grant-project"))).selectByVisibleText("billing-api");
        visible(By.id("grant-role-0")).click();
        browser.findElement(By.id("add-grant")).click();
        assertThat(visible(By.cssSelector("tr[data-grant-id] .grant-roles")).getText()).isEqualTo("reader");
        screenshot("user-grants");
        String orgId = api.get("/management/v1/orgs/me", admin).text("/org/id");
        Api.Reply granted = introspect(clientId, secret, pat);
        assertThat(granted.at("/active").asBoolean()).isTrue();
        assertThat(granted.at("/" + ROLES + "/reader").has(orgId)).as(granted.text()).isTrue();
        assertThat(granted.at("/urn:zitadel:iam:org:project:" + projectId + ":roles/reader").has(orgId)).isTrue();

        // Removed in the console: the token stays active, the role is gone.
        browser.findElement(By.cssSelector("tr[data-grant-id] .remove-grant")).click();
        assertThat(visible(By.id("confirm-question")).getText()).contains("billing-api");
        browser.findElement(By.id("confirm-yes")).click();
        visible(By.id("grants-empty"));
        Api.Reply removed = introspect(clientId, secret, pat);
        assertThat(removed.at("/active").asBoolean()).isTrue();
        assertThat(removed.json().has(ROLES)).as(removed.text()).isFalse();

        // The app deleted in the console: its credentials are refused.
        browser.get(console.base + "/ui/#/projects/" + projectId);
        visible(By.cssSelector("tr[data-app-id] .app-link")).click();
        wait.until(ExpectedConditions.textToBe(By.id("app-client-id"), clientId));
        browser.findElement(By.id("delete-app")).click();
        assertThat(visible(By.id("confirm-question")).getText()).contains("billing-rs");
        browser.findElement(By.id("confirm-yes")).click();
        visible(By.id("apps-empty"));
        assertThat(introspect(clientId, secret, pat).status()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void aPrivateKeyJwtAppsKeyFileIsDownloadedOnceAndSignsIntrospectionUntilTheKeyIsDeleted(@TempDir Path downloads)
            throws Exception {
        String projectId = api.post("/management/v1/projects", admin, "{\"name\":\"keys-api\"}").text("/id");
        console.signedInAt("#/projects/" + projectId);
        visible(By.id("app-name")).sendKeys("keys-rs");
        browser.findElement(By.id("auth-jwt")).click();
        browser.findElement(By.id("create-app")).click();
        wait.until(ExpectedConditions.textToBe(By.id("app-auth-method"), "private key JWT"));
        assertThat(browser.findElements(By.id("token-dialog"))).as("no secret for a JWT app").isEmpty();
        String clientId = browser.findElement(By.id("app-client-id")).getText();
        visible(By.id("keys-empty"));

        ((ChromiumDriver) browser).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        browser.findElement(By.id("create-key")).click();
        String keyId = visible(By.id("new-key-id")).getText();
        assertThat(browser.findElement(By.id("key-warning")).getText()).contains("will not be shown again");
        screenshot("app-key");
        browser.findElement(By.id("download-key")).click();
        Path file = downloads.resolve(keyId + ".json");
        wait.until(d -> Files.isRegularFile(file) && sizeOf(file) > 0);
        browser.findElement(By.id("close-key")).click();
        visible(By.cssSelector("tr[data-key-id='" + keyId + "']"));
        assertThat(browser.findElements(By.id("key-dialog"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("PRIVATE KEY");

        JsonNode keyFile = JSON.readTree(Files.readString(file));
        assertThat(keyFile.at("/type").asText()).isEqualTo("application");
        assertThat(keyFile.at("/keyId").asText()).isEqualTo(keyId);
        assertThat(keyFile.at("/clientId").asText()).isEqualTo(clientId);
        String token = admin;
        assertThat(introspectSigned(keyFile, token).at("/active").asBoolean()).isTrue();

        browser.findElement(By.cssSelector("tr[data-key-id='" + keyId + "'] .delete-key")).click();
        visible(By.id("confirm-yes")).click();
        visible(By.id("keys-empty"));
        assertThat(introspectSigned(keyFile, token).status()).isEqualTo(401);
    }

    @Test
    @Order(3)
    void aProjectIsRenamedDeactivatedReactivatedAndDeletedAndItsRoleRemovedInTheConsole() throws Exception {
        String projectId = api.post("/management/v1/projects", admin, "{\"name\":\"" + XSS + "\"}").text("/id");
        api.post("/management/v1/projects", admin, "{\"name\":\"taken-api\"}");
        assertThat(api.post("/management/v1/projects/" + projectId + "/roles", admin,
                "{\"roleKey\":\"writer\",\"displayName\":\"" + XSS + "\"}").status()).isEqualTo(200);
        Api.Reply app = api.post("/management/v1/projects/" + projectId + "/apps/api", admin, "{\"name\":\"lifecycle-rs\"}");
        String clientId = app.text("/clientId");
        String secret = app.text("/clientSecret");
        console.signedInAt("#/projects/" + projectId);

        // Text from the API stays text.
        wait.until(ExpectedConditions.textToBe(By.id("detail-project-name"), XSS));
        assertThat(visible(By.cssSelector("tr[data-role-key='writer']")).getText()).contains(XSS);
        assertThat(browser.findElements(By.tagName("img"))).isEmpty();

        // A taken name is refused in words next to the form; a free one is saved.
        WebElement name = browser.findElement(By.id("edit-project-name"));
        name.clear();
        name.sendKeys("taken-api");
        browser.findElement(By.id("save-project")).click();
        assertThat(visible(By.cssSelector("#project-status .error")).getText()).startsWith("That already exists");
        name = browser.findElement(By.id("edit-project-name"));
        name.clear();
        name.sendKeys("renamed-api");
        browser.findElement(By.id("save-project")).click();
        wait.until(ExpectedConditions.textToBe(By.id("detail-project-name"), "renamed-api"));
        assertThat(api.get("/management/v1/projects/" + projectId, admin).text("/project/name")).isEqualTo("renamed-api");

        // Deactivated, its app cannot introspect; reactivated, it can again.
        assertThat(introspect(clientId, secret, admin).status()).isEqualTo(200);
        browser.findElement(By.id("deactivate-project")).click();
        wait.until(ExpectedConditions.textToBe(By.id("project-state"), "inactive"));
        assertThat(introspect(clientId, secret, admin).status()).isEqualTo(401);
        visible(By.id("reactivate-project")).click();
        wait.until(ExpectedConditions.textToBe(By.id("project-state"), "active"));
        assertThat(introspect(clientId, secret, admin).status()).isEqualTo(200);

        // A role deleted after a confirmation.
        browser.findElement(By.cssSelector("tr[data-role-key='writer'] .delete-role")).click();
        visible(By.id("confirm-yes")).click();
        visible(By.id("roles-empty"));
        assertThat(api.post("/management/v1/projects/" + projectId + "/roles/_search", admin, "{}").json()
                .has("result")).isFalse();

        // A narrow window: the page does not scroll sideways.
        browser.manage().window().setSize(new Dimension(400, 800));
        try {
            visible(By.id("project-settings"));
            assertThat(console.js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                    .isEqualTo(true);
        } finally {
            browser.manage().window().setSize(new Dimension(1100, 800));
        }

        // Deleted after a confirmation naming it: back to the list, without it; gone over HTTP.
        browser.findElement(By.id("delete-project")).click();
        assertThat(visible(By.id("confirm-question")).getText()).contains("renamed-api");
        screenshot("delete-project");
        browser.findElement(By.id("confirm-yes")).click();
        wait.until(ExpectedConditions.urlToBe(console.base + "/ui/#/projects"));
        visible(By.cssSelector("#projects table"));
        assertThat(browser.findElements(By.cssSelector("tr[data-project-id='" + projectId + "']"))).isEmpty();
        assertThat(api.get("/management/v1/projects/" + projectId, admin).status()).isEqualTo(404);
        assertThat(introspect(clientId, secret, admin).status()).isEqualTo(401);
    }

    private Api.Reply introspect(String clientId, String secret, String token) {
        return api.form("/oauth/v2/introspect", clientId, secret, "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    /** Introspection authenticated with private_key_jwt, the assertion signed with the downloaded key file. */
    private Api.Reply introspectSigned(JsonNode keyFile, String token) throws Exception {
        String issuer = api.get("/.well-known/openid-configuration", null).text("/issuer");
        String clientId = keyFile.at("/clientId").asText();
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyFile.at("/keyId").asText())
                .build(), new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(issuer)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString()).build());
        jwt.sign(new RSASSASigner(RsaKeys.parsePrivateKeyPkcs1Pem(keyFile.at("/key").asText()).orElseThrow()));
        return api.form("/oauth/v2/introspect", null, null, "client_assertion_type="
                + URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&client_assertion=" + jwt.serialize() + "&token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private WebElement visible(By locator) {
        return console.visible(locator);
    }

    /** A screenshot of the whole page from its top (these pages are taller than the window). */
    private void screenshot(String name) throws Exception {
        Dimension size = browser.manage().window().getSize();
        long height = (Long) console.js("window.scrollTo(0, 0); return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(2000, height + 140)));
        try {
            console.screenshot(name);
        } finally {
            browser.manage().window().setSize(size);
        }
    }
}
