package dev.warden.bootstrap;

import dev.warden.application.auth.CredentialVerifierProvider;
import dev.warden.application.fakes.FakePorts;
import dev.warden.application.token.PatVerifierProvider;
import dev.warden.bootstrap.config.ConfigLoader;
import dev.warden.bootstrap.config.ConfigurationException;
import dev.warden.bootstrap.config.WardenConfig;
import dev.warden.bootstrap.extension.StaticKeyVerifierProvider;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

        assertThat(ids).contains("pat", StaticKeyVerifierProvider.ID);
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
