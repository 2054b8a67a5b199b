package dev.warden.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.bootstrap.e2e.WardenJar.Running;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Starts the packaged server jar as a newcomer would, configured by environment and system properties. */
class WardenJarIT {

    @TempDir
    Path dataDir;

    @Test
    void jarStartsOnTheEmbeddedDatabaseAndItsPatFileWorksWithCurl() throws Exception {
        int port = freePort();
        Running warden = start(List.of("-Dwarden.first.instance.org.name=Acme Corp"), Map.of(
                "WARDEN_HTTP_PORT", Integer.toString(port),
                "WARDEN_DATA_DIR", dataDir.toString(),
                "WARDEN_LOG_ACCESS", "stdout",
                // The system property above must win over this.
                "WARDEN_FIRST_INSTANCE_ORG_NAME", "From Environment"));
        try {
            warden.awaitOutput("Warden is ready", Duration.ofSeconds(60));
            String token = Files.readString(dataDir.resolve("admin.pat")).strip();

            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/management/v1/orgs/me"))
                            .header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode org = new ObjectMapper().readTree(response.body()).get("org");
            assertThat(org.get("name").asText()).isEqualTo("Acme Corp");
            assertThat(org.get("primaryDomain").asText()).isEqualTo("acme-corp.localhost");
            assertThat(warden.output()).contains(dataDir.resolve("admin.pat").toString()).doesNotContain(token);

            // The access log: a line of JSON alone on standard output, with the answer's request id.
            String id = response.headers().firstValue("X-Request-Id").orElseThrow();
            warden.awaitOutput("\"requestId\":\"" + id + "\"", Duration.ofSeconds(10));
            String line = warden.output().lines().filter(l -> l.contains(id)).findFirst().orElseThrow();
            JsonNode access = new ObjectMapper().readTree(line);
            assertThat(access.get("route").asText()).isEqualTo("/management/v1/orgs/me");
            assertThat(access.get("status").asInt()).isEqualTo(200);
            assertThat(access.get("authMethod").asText()).isEqualTo("pat");
            // The packaged jar has what the metrics need at run time.
            HttpResponse<String> metrics = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("warden_http_requests_seconds_count{method=\"GET\",route=\"/management/v1/orgs/me\"");
        } finally {
            warden.stop();
        }
    }

    @Test
    void thePackagedJarServesTheOAuthFlowsWithItsOwnConfiguration() throws Exception {
        // What the packaged application.yaml enables is what a user gets: token, introspection, JWKS.
        int port = freePort();
        Running warden = start(List.of(), Map.of("WARDEN_HTTP_PORT", Integer.toString(port),
                "WARDEN_DATA_DIR", dataDir.toString()));
        try {
            warden.awaitOutput("Warden is ready", Duration.ofSeconds(60));
            String admin = Files.readString(dataDir.resolve("admin.pat")).strip();
            String base = "http://127.0.0.1:" + port;
            String project = json(send(base + "/management/v1/projects", admin, "application/json",
                    "{\"name\":\"api\"}")).get("id").asText();
            JsonNode app = json(send(base + "/management/v1/projects/" + project + "/apps/api", admin,
                    "application/json", "{\"name\":\"rs\"}"));
            String user = json(send(base + "/management/v1/users/machine", admin, "application/json",
                    "{\"userName\":\"robot\",\"name\":\"Robot\"}")).get("userId").asText();
            String secret = json(sendPut(base + "/management/v1/users/" + user + "/secret", admin))
                    .get("clientSecret").asText();

            JsonNode token = json(send(base + "/oauth/v2/token", basic("robot", secret),
                    "application/x-www-form-urlencoded", "grant_type=client_credentials&scope=openid+"
                            + "urn%3Azitadel%3Aiam%3Aorg%3Aproject%3Aid%3A" + project + "%3Aaud"));
            String accessToken = token.get("access_token").asText();
            JsonNode introspection = json(send(base + "/oauth/v2/introspect",
                    basic(app.get("clientId").asText(), app.get("clientSecret").asText()),
                    "application/x-www-form-urlencoded", "token=" + accessToken));

            assertThat(introspection.get("active").asBoolean()).as(introspection.toString()).isTrue();
            assertThat(introspection.get("sub").asText()).isEqualTo(user);
            HttpResponse<String> jwks = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "/oauth/v2/keys")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(json(jwks).get("keys")).hasSize(1);
            assertThat(warden.output()).doesNotContain(secret).doesNotContain(accessToken)
                    .doesNotContain(app.get("clientSecret").asText());
        } finally {
            warden.stop();
        }
    }

    private static String basic(String id, String secret) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(String url, String authorization, String contentType, String body)
            throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", authorization.startsWith("Basic ") ? authorization : "Bearer " + authorization)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> sendPut(String url, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    @Test
    void aBadValueStopsStartUpWithAMessageNamingTheVariable() throws Exception {
        Running warden = start(List.of(), Map.of("WARDEN_HTTP_PORT", "eighty", "WARDEN_DATA_DIR", dataDir.toString()));

        assertThat(warden.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(warden.process.exitValue()).isEqualTo(2);
        assertThat(warden.output()).contains("WARDEN_HTTP_PORT").contains("eighty").doesNotContain("Exception");
        assertThat(dataDir.resolve("admin.pat")).doesNotExist();
    }

    /**
     * The redaction safety net is installed in the real launch path: a configuration error that
     * echoes a token-like value is written with the token redacted.
     */
    @Test
    void theLogOfTheJarRedactsTokenLikeText() throws Exception {
        String tokenLike = "wdn_pat_" + "Zm9vYmFyYmF6cXV4".repeat(4);
        Running warden = start(List.of(), Map.of("WARDEN_EXTERNAL_URL", tokenLike,
                "WARDEN_DATA_DIR", dataDir.toString()));

        assertThat(warden.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(warden.process.exitValue()).isEqualTo(2);
        assertThat(warden.output()).contains("WARDEN_EXTERNAL_URL").contains("wdn_pat_[REDACTED]")
                .doesNotContain(tokenLike.substring(8));
    }

    @Test
    void aSecondServerOnTheSameDataOrPortRefusesToStartWithAClearMessage() throws Exception {
        int port = freePort();
        Running first = start(List.of(), Map.of("WARDEN_HTTP_PORT", Integer.toString(port),
                "WARDEN_DATA_DIR", dataDir.toString()));
        try {
            first.awaitOutput("Warden is ready", Duration.ofSeconds(60));
            Running sameData = start(List.of(), Map.of("WARDEN_HTTP_PORT", Integer.toString(freePort()),
                    "WARDEN_DATA_DIR", dataDir.toString()));
            assertThat(sameData.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(sameData.process.exitValue()).isEqualTo(1);
            assertThat(sameData.output()).contains("Warden failed to start").contains("locked")
                    .doesNotContain("\tat ");

            Path otherData = Files.createDirectory(dataDir.resolve("other"));
            Running samePort = start(List.of(), Map.of("WARDEN_HTTP_PORT", Integer.toString(port),
                    "WARDEN_DATA_DIR", otherData.toString()));
            assertThat(samePort.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(samePort.process.exitValue()).isEqualTo(1);
            assertThat(samePort.output()).contains("Cannot listen on").contains("WARDEN_HTTP_PORT")
                    .doesNotContain("Warden is ready");
        } finally {
            first.stop();
        }
    }

    private Running start(List<String> jvmArgs, Map<String, String> env) throws IOException {
        return WardenJar.start(dataDir, jvmArgs, env);
    }

    private static int freePort() throws IOException {
        return WardenJar.freePort();
    }
}
