package dev.warden.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.warden.domain.key.RsaKeys;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's machine keys, user renaming, access token type and service user paging, in
 * headless Chromium against a real node on MariaDB; what the console does is proven over HTTP:
 * the downloaded key file gets tokens with the JWT profile until the key is deleted in the console,
 * the new user name is the client id, a JWT user gets JWT access tokens.
 */
class ConsoleKeysBrowserTest extends ConsoleBrowserTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MANAGEMENT_SCOPE = "openid urn:zitadel:iam:org:project:id:zitadel:aud";
    /** The console's page size of the service user list (users.js PAGE_SIZE). */
    private static final int PAGE_SIZE = 20;


    @Test
    void aKeyFileDownloadedOnceFromTheConsoleGetsTokensUntilTheKeyIsDeletedThere() throws Exception {
        String userId = ownerUser("key-robot");
        console.signedInAt("#/users/" + userId + "/keys");
        assertThat(console.visible(By.id("keys-empty")).getText()).isEqualTo("This user has no keys.");

        WebElement expiry = browser.findElement(By.id("key-expiration"));
        expiry.sendKeys("12312030");
        assertThat(expiry.getAttribute("value")).isEqualTo("2030-12-31");
        browser.findElement(By.id("create-key")).click();
        assertThat(console.visible(By.id("key-warning")).getText()).startsWith("This key will not be shown again.");
        String keyId = browser.findElement(By.id("new-key-id")).getText();
        console.screenshot("download-the-key-file");
        browser.findElement(By.id("download-key")).click();
        Path file = downloads.resolve(keyId + ".json");
        wait.until(d -> Files.isRegularFile(file) && !Files.exists(downloads.resolve(keyId + ".json.crdownload")));
        assertThat(console.visible(By.id("download-status")).getText()).startsWith("Downloaded as " + keyId + ".json");
        browser.findElement(By.id("close-key")).click();

        // Gone from the page: no dialog, no private key, only the listed metadata.
        WebElement row = console.visible(By.cssSelector("tr[data-key-id='" + keyId + "']"));
        assertThat(browser.findElements(By.id("key-dialog"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("PRIVATE KEY");
        assertThat(row.getText()).contains("JSON", "2030-12-31 23:59:59 UTC");
        console.screenshot("keys");
        browser.manage().window().setSize(new Dimension(400, 800));
        try {
            console.visible(By.cssSelector("tr[data-key-id='" + keyId + "']"));
            assertThat(console.js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                    .as("no sideways scrolling in a narrow window").isEqualTo(true);
        } finally {
            browser.manage().window().setSize(new Dimension(1100, 800));
        }

        // The file is ZITADEL's key file, byte for byte as the API encoded it (Go's field order).
        String text = Files.readString(file);
        assertThat(text).matches("\\{\"type\":\"serviceaccount\",\"keyId\":\"" + keyId
                + "\",\"key\":\"-----BEGIN RSA PRIVATE KEY-----\\\\n[A-Za-z0-9+/=\\\\n]+-----END RSA PRIVATE KEY-----\\\\n\","
                + "\"expirationDate\":\"2030-12-31T23:59:59Z\",\"userId\":\"" + userId + "\"}");
        JsonNode keyFile = JSON.readTree(text);
        assertThat(api.get("/management/v1/users/" + userId + "/keys/" + keyId, admin).status()).isEqualTo(200);

        Api.Reply granted = jwtProfile(keyFile);
        assertThat(granted.status()).as(granted.text()).isEqualTo(200);
        String accessToken = granted.text("/access_token");
        assertThat(api.get("/management/v1/orgs/me", accessToken).status()).isEqualTo(200);

        browser.findElement(By.cssSelector("tr[data-key-id='" + keyId + "'] .delete-key")).click();
        assertThat(console.visible(By.id("confirm-question")).getText()).contains(keyId);
        browser.findElement(By.id("confirm-yes")).click();
        console.visible(By.id("keys-empty"));
        Api.Reply refused = jwtProfile(keyFile);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("/error")).isEqualTo("invalid_grant");
        assertThat(api.get("/management/v1/orgs/me", accessToken).status()).isEqualTo(401);
        assertThat(api.get("/management/v1/users/" + userId + "/keys/" + keyId, admin).status()).isEqualTo(404);
    }

    @Test
    void aPastExpirationDateForAKeyIsRefusedInWordsAndNoKeyIsMade() throws Exception {
        String userId = ownerUser("past-key-robot");
        console.signedInAt("#/users/" + userId + "/keys");
        console.visible(By.id("keys-empty"));
        browser.findElement(By.id("key-expiration")).sendKeys("01012001");
        browser.findElement(By.id("create-key")).click();
        assertThat(console.visible(By.cssSelector("#keys-status .error")).getText()).startsWith("Not accepted: ");
        assertThat(browser.findElements(By.id("key-dialog"))).isEmpty();
        assertThat(api.post("/management/v1/users/" + userId + "/keys/_search", admin, "{}").json().has("result"))
                .isFalse();
    }

    @Test
    void aRenamedUserIsWhatTheApiAnswersAndItsClientIdAndTheJwtTokenTypeGivesJwtAccessTokens() throws Exception {
        String userId = ownerUser("rename-robot");
        ownerUser("taken-robot");
        String secret = api.put("/management/v1/users/" + userId + "/secret", admin, "{}").text("/clientSecret");
        assertThat(clientCredentials("rename-robot", secret).text("/access_token")).startsWith("wdn_at_");
        console.signedInAt("#/users/" + userId + "/profile");

        // Errors in words right under the field: a taken name, an empty name.
        WebElement userName = console.visible(By.id("edit-user-name"));
        userName.clear();
        userName.sendKeys("taken-robot");
        browser.findElement(By.id("rename-user")).click();
        assertThat(console.visible(By.cssSelector("#username-status .error")).getText()).startsWith("That already exists");
        userName.clear();
        console.js("arguments[0].removeAttribute('required')", userName);
        browser.findElement(By.id("rename-user")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#username-status .error"),
                "Not accepted: "));
        assertThat(api.get("/management/v1/users/" + userId, admin).text("/user/userName")).isEqualTo("rename-robot");

        userName.sendKeys("renamed-robot");
        browser.findElement(By.id("rename-user")).click();
        wait.until(ExpectedConditions.textToBe(By.id("detail-user-name"), "renamed-robot"));
        assertThat(api.get("/management/v1/users/" + userId, admin).text("/user/userName")).isEqualTo("renamed-robot");
        browser.findElement(By.id("tab-secret")).click();
        assertThat(console.visible(By.cssSelector("#tab-content code")).getText()).isEqualTo("renamed-robot");
        assertThat(clientCredentials("rename-robot", secret).status()).isEqualTo(401);
        assertThat(clientCredentials("renamed-robot", secret).status()).isEqualTo(200);

        // The access token type: JWT, saved with the profile.
        browser.findElement(By.id("tab-profile")).click();
        Select tokenType = new Select(console.visible(By.id("edit-token-type")));
        assertThat(tokenType.getFirstSelectedOption().getText()).isEqualTo("Bearer (opaque)");
        tokenType.selectByVisibleText("JWT");
        console.screenshot("service-user-profile");
        browser.findElement(By.id("save-profile")).click();
        wait.until(d -> "ACCESS_TOKEN_TYPE_JWT".equals(
                api.get("/management/v1/users/" + userId, admin).text("/user/machine/accessTokenType")));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#edit-token-type option:checked"), "JWT"));
        assertThat(api.get("/management/v1/users/" + userId, admin).text("/user/machine/name")).isEqualTo("rename-robot");

        Api.Reply token = clientCredentials("renamed-robot", secret);
        assertThat(token.status()).as(token.text()).isEqualTo(200);
        SignedJWT jwt = SignedJWT.parse(token.text("/access_token"));
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(userId);
        assertThat(jwt.getJWTClaimsSet().getStringClaim("client_id")).isEqualTo("renamed-robot");
        assertThat(api.get("/management/v1/orgs/me", token.text("/access_token")).status()).isEqualTo(200);
    }

    @Test
    void theServiceUserListPagesKeepingTheSearchAndCounts() throws Exception {
        for (int i = 1; i <= 25; i++) {
            String name = String.format("page-robot-%02d", i);
            assertThat(api.post("/management/v1/users/machine", admin,
                    "{\"userName\":\"" + name + "\",\"name\":\"Page " + i + "\"}").status()).isEqualTo(200);
        }
        console.signedInAt("#/users");
        WebElement search = console.visible(By.id("user-search"));
        search.sendKeys("page-robot");
        browser.findElement(By.cssSelector("form[role=search] button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("users-count"), "1–20 of 25"));
        assertThat(userNames()).hasSize(PAGE_SIZE).first().isEqualTo("page-robot-01");
        assertThat(browser.findElement(By.id("users-previous")).isEnabled()).isFalse();

        // Paging keeps the search that is shown, even after the field was edited without searching.
        search.clear();
        search.sendKeys("something else");
        browser.findElement(By.id("users-next")).click();
        wait.until(ExpectedConditions.textToBe(By.id("users-count"), "21–25 of 25"));
        assertThat(userNames()).containsExactly("page-robot-21", "page-robot-22", "page-robot-23", "page-robot-24",
                "page-robot-25");
        assertThat(search.getAttribute("value")).isEqualTo("page-robot");
        assertThat(browser.findElement(By.id("users-next")).isEnabled()).isFalse();
        console.screenshot("service-users-paging");
        browser.findElement(By.id("users-previous")).click();
        wait.until(ExpectedConditions.textToBe(By.id("users-count"), "1–20 of 25"));
        assertThat(userNames()).hasSize(PAGE_SIZE).first().isEqualTo("page-robot-01");

        // A search that fits on one page shows no pager.
        search.clear();
        search.sendKeys("page-robot-2");
        browser.findElement(By.cssSelector("form[role=search] button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("users-count"), "1–6 of 6"));
        assertThat(browser.findElement(By.id("users-next")).isDisplayed()).isFalse();
        assertThat(userNames()).hasSize(6);

        // Without a search: every service user is counted and reachable by paging.
        search.clear();
        browser.findElement(By.cssSelector("form[role=search] button")).click();
        int total = api.post("/management/v1/users/_search", admin,
                "{\"queries\":[{\"typeQuery\":{\"type\":\"TYPE_MACHINE\"}}]}").at("/details/totalResult").asInt();
        assertThat(total).isGreaterThan(25);
        wait.until(ExpectedConditions.textToBe(By.id("users-count"), "1–20 of " + total));
        int seen = userNames().size();
        while (browser.findElement(By.id("users-next")).isEnabled()) {
            String before = browser.findElement(By.id("users-count")).getText();
            browser.findElement(By.id("users-next")).click();
            wait.until(d -> !d.findElement(By.id("users-count")).getText().equals(before));
            seen += userNames().size();
        }
        assertThat(seen).isEqualTo(total);
    }

    private List<String> userNames() {
        return browser.findElements(By.cssSelector("#users a.user-link")).stream().map(WebElement::getText).toList();
    }

    /** A service user owning the organization, so that its tokens may call GET /orgs/me. */
    private String ownerUser(String name) {
        Api.Reply created = api.post("/management/v1/users/machine", admin,
                "{\"userName\":\"" + name + "\",\"name\":\"" + name + "\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        String userId = created.text("/userId");
        assertThat(api.post("/management/v1/orgs/me/members", admin,
                "{\"userId\":\"" + userId + "\",\"roles\":[\"ORG_OWNER\"]}").status()).isEqualTo(200);
        return userId;
    }

    private Api.Reply clientCredentials(String clientId, String secret) {
        return api.form("/oauth/v2/token", clientId, secret,
                "grant_type=client_credentials&scope=" + URLEncoder.encode(MANAGEMENT_SCOPE, StandardCharsets.UTF_8));
    }

    /** The JWT-profile grant with an assertion signed by the key file's private key. */
    private Api.Reply jwtProfile(JsonNode keyFile) throws Exception {
        String userId = keyFile.get("userId").asText();
        Instant now = Instant.now();
        SignedJWT assertion = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(keyFile.get("keyId").asText()).build(), new JWTClaimsSet.Builder().issuer(userId).subject(userId)
                .audience(api.get("/.well-known/openid-configuration", null).text("/issuer")).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300))).jwtID(UUID.randomUUID().toString()).build());
        assertion.sign(new RSASSASigner(RsaKeys.parsePrivateKeyPkcs1Pem(keyFile.get("key").asText()).orElseThrow()));
        return api.form("/oauth/v2/token", null, null,
                "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
                        + "&scope=" + URLEncoder.encode(MANAGEMENT_SCOPE, StandardCharsets.UTF_8)
                        + "&assertion=" + assertion.serialize());
    }
}
