package dev.warden.bootstrap.e2e.hostile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The hostile-input suite: table-driven probes of every endpoint through the real server on
 * MariaDB over real HTTP (see {@code docs/security.md}, "Hostile input"). Every probe is checked
 * by {@link Verdict} (status, JSON error shape, security headers, no internals), and after every
 * probe the server must still answer normally: health is UP and an admin call succeeds. The
 * families that send only refused requests also prove that nothing was written. The tally of all
 * probes is logged at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputEndToEndTest {

    private static final Logger LOG = Logger.getLogger(HostileInputEndToEndTest.class.getName());

    private HostileServer server;
    private long started;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        server = HostileServer.start(dataDir);
        started = System.nanoTime();
    }

    @AfterAll
    void stop() {
        try {
            if (server != null) {
                server.assertAnswersNormally();
                LOG.info("[hostile input] " + Verdict.report() + "; took "
                        + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
                assertThat(Verdict.serverErrors()).as("answers >= 500 or none").isZero();
                assertThat(Verdict.leaks()).as("bodies with internals").isZero();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> malformedAuthorizationHeadersAreRefusedOnEveryRoute() {
        return writingNothing(AuthorizationProbes.probes(server));
    }

    @TestFactory
    Stream<DynamicTest> malformedBodiesAreRefusedOnEveryRouteThatReadsOne() {
        return writingNothing(BodyProbes.probes(server));
    }

    @TestFactory
    Stream<DynamicTest> pathTricksNeverReachAHandlerAndOddMethodsAre405WithAllow() {
        return writingNothing(PathProbes.probes(server));
    }

    @TestFactory
    Stream<DynamicTest> oauthEndpointAbuseIssuesNoToken() throws Exception {
        return OAuthProbes.probes(server).stream().map(probe -> dynamicTest(probe.toString(), () -> exchange(probe)));
    }

    @TestFactory
    Stream<DynamicTest> injectionAndConfusableStringsAreStoredLiterallyOrRefusedAndMatchOnlyThemselves() {
        Stream<DynamicTest> strings = InjectionProbes.STRINGS.stream().map(text -> dynamicTest(
                InjectionProbes.printable(text), () -> InjectionProbes.run(text, server, this::exchange)));
        Stream<DynamicTest> ids = InjectionProbes.idVariants(server).stream()
                .map(probe -> dynamicTest(probe.toString(), () -> exchange(probe)));
        return Stream.concat(strings, ids);
    }

    /** Sends the probe, checks the answer, then checks that the server still answers normally. */
    private RawHttp.Answer exchange(Probe probe) {
        RawHttp.Answer answer = server.http.send(probe.request());
        Verdict.check(probe, answer);
        assertThat(answer.text()).as("the admin token never echoed by %s", probe).doesNotContain(server.admin);
        server.assertAnswersNormally();
        return answer;
    }

    /** The probes in order, between a snapshot of the database and a check that it is unchanged. */
    private Stream<DynamicTest> writingNothing(List<Probe> probes) {
        AtomicReference<String> before = new AtomicReference<>();
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(dynamicTest("database snapshot before " + probes.size() + " probes",
                () -> before.set(server.snapshot())));
        probes.forEach(probe -> tests.add(dynamicTest(probe.toString(), () -> exchange(probe))));
        tests.add(dynamicTest("nothing written by these " + probes.size() + " probes",
                () -> assertThat(server.snapshot()).isEqualTo(before.get())));
        return tests.stream();
    }
}
