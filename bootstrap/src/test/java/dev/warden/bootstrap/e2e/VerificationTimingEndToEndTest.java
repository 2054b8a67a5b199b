package dev.warden.bootstrap.e2e;

import dev.warden.domain.token.OpaqueToken;
import dev.warden.domain.token.TokenKind;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timing side channel of security.md over real HTTP: a wrong secret for a known id and an
 * unknown id, on each surface, answer the same bytes; their latencies are measured (distinct
 * secrets each time, so no remembered outcome answers) and logged as medians and their ratio —
 * figures for docs/security.md, not assertions, since the machine's speed is not the code's. That
 * both paths do the same work (one hash each) is asserted by the verifiers' unit tests. The limiter
 * is off here: it would hold the guesses back long before enough are measured.
 */
class VerificationTimingEndToEndTest extends OneServerEndToEnd {

    private static final Logger LOG = Logger.getLogger(VerificationTimingEndToEndTest.class.getName());
    /** Measured pairs per surface, after a few unmeasured ones. */
    private static final int PAIRS = Integer.getInteger("warden.timing.pairs", 60);
    private static final int WARM_UP = 10;

    @Override
    protected Map<String, String> settings() {
        return Map.of("warden.limiter.enabled", "false");
    }

    @Test
    void patWithWrongSecretAndPatWithUnknownIdAnswerAlike() {
        String userId = server.machineUser("timed-pat");
        String pat = ok(api.post("/management/v1/users/" + userId + "/pats", admin, "{}")).text("/token");
        long id = OpaqueToken.parse(TokenKind.PERSONAL_ACCESS_TOKEN, pat).orElseThrow().id();
        compare("PAT on the management API",
                () -> clients.bearer("127.0.0.1", OpaqueToken.generate(TokenKind.PERSONAL_ACCESS_TOKEN, id).encode()),
                () -> clients.bearer("127.0.0.1", OpaqueToken.generate(TokenKind.PERSONAL_ACCESS_TOKEN, id + 1 + (long) (Math.random() * 1e12)).encode()));
    }

    @Test
    void clientSecretWrongAndClientUnknownAnswerAlike() {
        String userId = server.machineUser("timed-client");
        ok(api.put("/management/v1/users/" + userId + "/secret", admin, "{}"));
        compare("client secret at the token endpoint",
                () -> clients.clientCredentials("127.0.0.1", "timed-client", UUID.randomUUID().toString()),
                () -> clients.clientCredentials("127.0.0.1", "nobody-" + UUID.randomUUID(), UUID.randomUUID().toString()));
    }

    @Test
    void appSecretWrongAndAppUnknownAnswerAlike() {
        String projectId = ok(api.post("/management/v1/projects", admin, "{\"name\":\"timed\"}")).text("/id");
        String clientId = ok(api.post("/management/v1/projects/" + projectId + "/apps/api", admin,
                "{\"name\":\"timed-rs\",\"authMethodType\":\"API_AUTH_METHOD_TYPE_BASIC\"}")).text("/clientId");
        compare("API app secret at the introspection endpoint",
                () -> clients.introspect("127.0.0.1", clientId, UUID.randomUUID().toString(), admin),
                () -> clients.introspect("127.0.0.1", UUID.randomUUID() + "@timed", UUID.randomUUID().toString(), admin));
    }

    /** Alternates the two paths (so drift hits both alike), asserts identical answers, logs the medians. */
    private void compare(String surface, Supplier<HttpResponse<String>> wrongSecret,
                         Supplier<HttpResponse<String>> unknownId) {
        List<Long> wrong = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < WARM_UP + PAIRS; i++) {
            boolean wrongFirst = i % 2 == 0;
            long first = timed(wrongFirst ? wrongSecret : unknownId);
            long second = timed(wrongFirst ? unknownId : wrongSecret);
            if (i >= WARM_UP) {
                wrong.add(wrongFirst ? first : second);
                unknown.add(wrongFirst ? second : first);
            }
        }
        HttpResponse<String> a = wrongSecret.get();
        HttpResponse<String> b = unknownId.get();
        assertThat(a.statusCode()).isEqualTo(401).isEqualTo(b.statusCode());
        assertThat(a.body()).isEqualTo(b.body());
        assertThat(a.headers().allValues("www-authenticate")).isEqualTo(b.headers().allValues("www-authenticate"));
        double wrongMedian = WardenOnMariaDb.medianMillis(wrong);
        double unknownMedian = WardenOnMariaDb.medianMillis(unknown);
        LOG.info(String.format("[timing] %s: wrong secret median %.2f ms, unknown id median %.2f ms,"
                        + " ratio %.3f (%d pairs)", surface, wrongMedian, unknownMedian, wrongMedian / unknownMedian,
                PAIRS));
    }

    private static long timed(Supplier<HttpResponse<String>> call) {
        long start = System.nanoTime();
        HttpResponse<String> response = call.get();
        long took = System.nanoTime() - start;
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        return took;
    }
}
