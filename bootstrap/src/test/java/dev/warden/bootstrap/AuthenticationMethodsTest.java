package dev.warden.bootstrap;

import dev.warden.application.auth.CredentialVerifierProvider;
import dev.warden.application.fakes.FakePorts;
import dev.warden.application.token.PatVerifierProvider;
import dev.warden.bootstrap.config.ConfigLoader;
import dev.warden.bootstrap.config.ConfigurationException;
import dev.warden.bootstrap.config.WardenConfig;
import dev.warden.bootstrap.extension.HmacRequestVerifierProvider;
import dev.warden.bootstrap.extension.StaticKeyVerifierProvider;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The extension point for authentication methods, through ServiceLoader and configuration. */
class AuthenticationMethodsTest {

    @TempDir
    Path dataDir;

    private WardenConfig config(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(Map.of("warden.http.port", "0", "warden.http.host", "127.0.0.1",
                "warden.data.dir", dataDir.toString()));
        values.putAll(extra);
        return ConfigLoader.load(Config.just(ConfigSources.create(values)));
    }

    private static int get(Wiring warden, String bearer) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + warden.port() + "/management/v1/orgs/me"))
                .header("Authorization", "Bearer " + bearer).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void builtInAndAddedMethodsAreFoundThroughServiceLoader() {
        List<String> ids = ServiceLoader.load(CredentialVerifierProvider.class).stream()
                .map(p -> p.get().id()).toList();

        assertThat(ids).contains("pat", StaticKeyVerifierProvider.ID, HmacRequestVerifierProvider.ID);
    }

    @Test
    void anAddedMethodAuthenticatesOnlyWhenEnabledByConfiguration() throws Exception {
        long adminId;
        try (Wiring first = Wiring.start(config(Map.of()))) {
            adminId = first.firstInstance().adminUserId();
            assertThat(get(first, "example_s3cret")).as("not enabled: nobody understands it").isEqualTo(401);
        }
        Map<String, String> enabled = Map.of("warden.auth.methods", "pat," + StaticKeyVerifierProvider.ID,
                "warden.auth." + StaticKeyVerifierProvider.ID + ".key", "example_s3cret",
                "warden.auth." + StaticKeyVerifierProvider.ID + ".user", Long.toString(adminId));
        try (Wiring warden = Wiring.start(config(enabled))) {
            assertThat(get(warden, "example_s3cret")).isEqualTo(200);
            assertThat(get(warden, "example_wrong")).isEqualTo(401);
        }
    }

    private static HttpResponse<String> getWithAuthorization(Wiring warden, String path, String authorization)
            throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + warden.port() + path))
                .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aMethodWithItsOwnSchemeSigningTheRequestWorksOnlyWhenEnabled() throws Exception {
        byte[] secret = "an example secret of 32 bytes!!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String path = "/management/v1/orgs/me";
        long adminId;
        try (Wiring first = Wiring.start(config(Map.of()))) {
            adminId = first.firstInstance().adminUserId();
            HttpResponse<String> notEnabled = getWithAuthorization(first, path, HmacRequestVerifierProvider
                    .authorization("k1", secret, "GET", path, java.time.Instant.now().getEpochSecond()));
            assertThat(notEnabled.statusCode()).as("not enabled: an unknown scheme").isEqualTo(401);
            assertThat(notEnabled.body()).contains("invalid auth header");
        }
        String prefix = "warden.auth." + HmacRequestVerifierProvider.ID + ".";
        Map<String, String> enabled = Map.of("warden.auth.methods", "pat," + HmacRequestVerifierProvider.ID,
                prefix + "k1.secret", java.util.Base64.getEncoder().encodeToString(secret),
                prefix + "k1.user", Long.toString(adminId), prefix + "max.skew.seconds", "60");
        try (Wiring warden = Wiring.start(config(enabled))) {
            long now = java.time.Instant.now().getEpochSecond();
            HttpResponse<String> ok = getWithAuthorization(warden, path,
                    HmacRequestVerifierProvider.authorization("k1", secret, "GET", path, now));
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("\"org\"");

            String wrongSignature = HmacRequestVerifierProvider.authorization("k1",
                    "another secret of thirty-two b!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "GET",
                    path, now);
            HttpResponse<String> forged = getWithAuthorization(warden, path, wrongSignature);
            assertThat(forged.statusCode()).isEqualTo(401);
            assertThat(forged.body()).contains("Errors.Token.Invalid");

            assertThat(getWithAuthorization(warden, path, HmacRequestVerifierProvider.authorization("k1", secret, "GET",
                    path, now - 3600)).statusCode()).as("an old timestamp").isEqualTo(401);
            assertThat(getWithAuthorization(warden, "/management/v1/orgs/me?x=1", HmacRequestVerifierProvider
                    .authorization("k1", secret, "GET", path, now)).statusCode()).as("signed for another target")
                    .isEqualTo(401);
            assertThat(get(warden, Files.readString(dataDir.resolve("admin.pat")).strip()))
                    .as("the PAT method still works beside it").isEqualTo(200);
        }
    }

    @Test
    void anUnknownMethodIdStopsStartUpNamingTheKey() {
        FakePorts ports = new FakePorts();

        assertThatThrownBy(() -> AuthenticationMethods.load(List.of("pat", "kerberos"), ports.verifierContext(),
                Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("WARDEN_AUTH_METHODS").hasMessageContaining("kerberos");
    }

    @Test
    void twoProvidersWithOneIdStopStartUp() {
        FakePorts ports = new FakePorts();

        assertThatThrownBy(() -> AuthenticationMethods.create(
                List.of(new PatVerifierProvider(), new PatVerifierProvider()), List.of("pat"),
                ports.verifierContext(), Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'pat'");
    }

    @Test
    void methodsAreCreatedInTheConfiguredOrderWithTheirOwnSettings() {
        FakePorts ports = new FakePorts();
        var verifiers = AuthenticationMethods.create(
                List.of(new PatVerifierProvider(), new StaticKeyVerifierProvider()),
                List.of(StaticKeyVerifierProvider.ID, "pat"), ports.verifierContext(),
                Map.of(StaticKeyVerifierProvider.ID, Map.of("key", "example_k", "user", "1")));

        assertThat(verifiers).hasSize(2);
        assertThat(verifiers.get(0).getClass().getName()).contains("StaticKey");
        assertThat(verifiers.get(1).getClass().getName()).contains("Pat");
    }

}
