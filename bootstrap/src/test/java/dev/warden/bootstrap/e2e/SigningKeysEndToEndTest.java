package dev.warden.bootstrap.e2e;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.warden.bootstrap.Wiring;
import dev.warden.bootstrap.config.ConfigLoader;
import dev.warden.bootstrap.config.WardenConfig;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Signing keys through the real composition root: two nodes on one MariaDB share the master key
 * file; the JWKS and discovery documents parse with Nimbus; a rotation through the admin API on
 * one node reaches the other's JWKS within the change-feed bound.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SigningKeysEndToEndTest {

    private static final String ISSUER = "https://id.example.test";
    private static final Duration BOUND = Duration.ofSeconds(1);

    private Path dataDir;
    private TestMariaDb database;
    private Wiring first;
    private Wiring second;
    private Api one;
    private Api two;
    private String admin;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        this.dataDir = dataDir;
        database = new TestMariaDb();
        first = Wiring.start(config(1, Map.of()));
        second = Wiring.start(config(2, Map.of()));
        one = new Api(first.port());
        two = new Api(second.port());
        admin = Files.readString(dataDir.resolve("admin.pat")).strip();
    }

    private WardenConfig config(int node, Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(Map.of(
                "warden.http.port", "0", "warden.http.host", "127.0.0.1", "warden.data.dir", dataDir.toString(),
                "warden.db.url", database.url(), "warden.db.user", TestMariaDb.USER,
                "warden.db.password", TestMariaDb.PASSWORD, "warden.node.id", Integer.toString(node),
                "warden.cluster.poll.interval.ms", "250", "warden.external.url", ISSUER));
        values.putAll(extra);
        return ConfigLoader.load(Config.just(ConfigSources.create(values)));
    }

    @AfterAll
    void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        database.close();
    }

    private static JWKSet jwks(Wiring node) throws Exception {
        return JWKSet.load(URI.create("http://127.0.0.1:" + node.port() + "/oauth/v2/keys").toURL());
    }

    private static List<String> kids(Wiring node) throws Exception {
        return jwks(node).getKeys().stream().map(JWK::getKeyID).toList();
    }

    @Test
    void theJwksParsesWithNimbusAndHoldsPublicRsaKeysOnly() throws Exception {
        JWKSet set = jwks(first);

        assertThat(set.getKeys()).isNotEmpty().allSatisfy(key -> {
            assertThat(key.getKeyType()).isEqualTo(KeyType.RSA);
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.getAlgorithm().getName()).isEqualTo("RS256");
            assertThat(key.toRSAKey().size()).isEqualTo(2048);
        });
        assertThat(one.get("/oauth/v2/keys", null).text()).doesNotContain("\"d\"").doesNotContain("\"p\"")
                .doesNotContain("\"q\"").doesNotContain("\"qi\"");
        assertThat(kids(second)).as("both nodes publish the same keys").isEqualTo(kids(first));
    }

    @Test
    void theDiscoveryDocumentParsesWithNimbusAndNamesTheConfiguredIssuer() throws Exception {
        Api.Reply reply = one.call("GET", "/.well-known/openid-configuration", null, null,
                Map.of("X-Forwarded-Host", "attacker.example"));

        OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(reply.text());

        assertThat(metadata.getIssuer().getValue()).isEqualTo(ISSUER);
        assertThat(metadata.getJWKSetURI()).isEqualTo(URI.create(ISSUER + "/oauth/v2/keys"));
        assertThat(metadata.getTokenEndpointURI()).isEqualTo(URI.create(ISSUER + "/oauth/v2/token"));
        assertThat(metadata.getIntrospectionEndpointURI()).isEqualTo(URI.create(ISSUER + "/oauth/v2/introspect"));
        assertThat(metadata.getRevocationEndpointURI()).isEqualTo(URI.create(ISSUER + "/oauth/v2/revoke"));
        assertThat(metadata.getUserInfoEndpointURI()).isEqualTo(URI.create(ISSUER + "/oidc/v1/userinfo"));
        assertThat(metadata.getGrantTypes()).containsExactly(GrantType.CLIENT_CREDENTIALS, GrantType.JWT_BEARER);
        assertThat(metadata.getTokenEndpointAuthMethods()).containsExactly(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                ClientAuthenticationMethod.CLIENT_SECRET_POST, ClientAuthenticationMethod.PRIVATE_KEY_JWT);
        assertThat(metadata.getIDTokenJWSAlgs()).extracting(Object::toString).containsExactly("RS256");
        assertThat(metadata.getAuthorizationEndpointURI()).isNull();
        assertThat(reply.text()).doesNotContain("attacker");
    }

    @Test
    void theMasterKeyFileIsCreatedOwnerOnlyAndAnotherMasterKeyStopsTheStart() throws Exception {
        Path file = dataDir.resolve("masterkey");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String other = Base64.getEncoder().encodeToString(new byte[32]);

        assertThatThrownBy(() -> Wiring.start(config(3, Map.of("warden.masterkey", other))).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("master key does not decrypt the stored signing keys")
                .hasMessageContaining("WARDEN_MASTERKEY")
                .hasMessageNotContaining(other);
    }

    @Test
    void aRotationOnOneNodeReachesTheOtherNodesJwksWithinTheBound() throws Exception {
        List<String> before = kids(second);

        Api.Reply rotated = one.post("/admin/v1/signing_keys/_rotate", admin, "{}");

        assertThat(rotated.status()).isEqualTo(200);
        String kid = rotated.text("/key/kid");
        assertThat(rotated.text("/key/state")).isEqualTo("ACTIVE");
        assertThat(kids(first)).as("at once on node one").first().isEqualTo(kid);
        assertThat(kids(first)).containsAll(before);
        Instant start = Instant.now();
        while (!kids(second).contains(kid)) {
            assertThat(Duration.between(start, Instant.now())).isLessThan(BOUND.multipliedBy(2));
            Thread.sleep(20);
        }
        assertThat(Duration.between(start, Instant.now())).isLessThan(BOUND);
        assertThat(kids(second)).first().isEqualTo(kid);
        Api.Reply list = two.get("/admin/v1/signing_keys", admin);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text("/result/0/kid")).isEqualTo(kid);
        assertThat(list.text("/result/0/state")).isEqualTo("ACTIVE");
        assertThat(list.text("/result/1/state")).isEqualTo("PUBLISHED");
        assertThat(list.text("/result/1/publishedUntil")).isNotEmpty();
    }

    @Test
    void onlyInstanceAdministratorsMayRotateOrListKeys() {
        String userId = one.post("/management/v1/users/machine", admin,
                "{\"userName\":\"org-owner-only\",\"name\":\"Org owner\"}").text("/userId");
        assertThat(one.post("/management/v1/orgs/me/members", admin,
                "{\"userId\":\"" + userId + "\",\"roles\":[\"ORG_OWNER\"]}").status()).isEqualTo(200);
        String pat = one.post("/management/v1/users/" + userId + "/pats", admin, "{}").text("/token");

        assertThat(one.post("/admin/v1/signing_keys/_rotate", pat, "{}").status()).isEqualTo(403);
        assertThat(one.get("/admin/v1/signing_keys", pat).status()).isEqualTo(403);
        assertThat(one.post("/admin/v1/signing_keys/_rotate", null, "{}").status()).isEqualTo(401);
    }
}
