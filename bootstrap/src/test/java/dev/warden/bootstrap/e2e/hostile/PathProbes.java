package dev.warden.bootstrap.e2e.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Odd paths and methods. Path tricks ({@code ..}, {@code %2e}, {@code %2f}, {@code ;},
 * {@code //}, {@code %00}, public prefixes in front of protected ones) without credentials never
 * reach a protected handler: each is a 400, 401 or 404. A method a served path does not serve is
 * a 405 with {@code Allow} naming exactly the served ones; TRACE is never echoed. Paths nothing
 * serves are a JSON 404.
 */
final class PathProbes {

    static final String FAMILY = "paths and methods";
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "TRACE", "OPTIONS",
            "HEAD", "FOO");

    private PathProbes() {
    }

    static List<Probe> probes(HostileServer server) {
        List<Probe> probes = new ArrayList<>();
        String user = server.ids.get("user");
        List<String> tricks = List.of(
                "/management/v1/../v1/orgs/me", "/management/v1/./orgs/me", "/management/v1/%2e%2e/v1/orgs/me",
                "/management/v1/%2E%2E/v1/orgs/me", "/management/%2e%2e/management/v1/orgs/me",
                "/management/v1/orgs%2fme", "/management/v1/orgs%2Fme", "/management/v1/orgs/me;x=1",
                "/management/v1;x/orgs/me", "/management;/v1/orgs/me", "//management/v1/orgs/me",
                "/management//v1/orgs/me", "/management/v1/orgs/me%00", "/management/v1/orgs/me%00.json",
                "/management/v1/orgs/me/", "/management/v1/orgs/me/.", "/MANAGEMENT/v1/orgs/me",
                "/management/V1/orgs/me", "/management/v1/orgs/me%20", "/management/v1\\orgs\\me",
                "/management/v1/%c0%ae%c0%ae/v1/orgs/me", "/management/v1/%252e%252e/v1/orgs/me",
                "/oauth/v2/keys/../../../management/v1/orgs/me", "/oauth/v2/keys/..;/..;/..;/admin/v1/signing_keys",
                "/oauth/v2/keys%2f..%2f..%2f..%2fadmin%2fv1%2fsigning_keys",
                "/.well-known/openid-configuration/../../admin/v1/signing_keys", "/.well-known/..%2fadmin/v1/signing_keys",
                "/observe/health/../../management/v1/orgs/me", "/observe/../admin/v1/signing_keys",
                "/management/v1/healthz/../orgs/me", "/management/v1/healthz%2f..%2forgs%2fme",
                "/management/v1/healthz;/../orgs/me", "/management/v1/healthz/%2e%2e/orgs/me",
                "http://127.0.0.1/management/v1/orgs/me", "/management/v1/orgs/me?x=%00", "/admin/v1/signing_keys%00",
                "/admin/v1/./signing_keys", "/admin/v1/signing_keys/", "/%2e/admin/v1/signing_keys",
                "/management/v1/users/%2e%2e%2f%2e%2e%2fadmin%2fv1%2fsigning_keys",
                "/management/v1/users/" + user + "/..%2f..%2f..%2fadmin/v1/signing_keys",
                "/management/v1/users/%FF", "/management/v1/users/%ED%A0%80", "/management/v1/users/%",
                "/management/v1/users/%zz", "/management/v1/users/" + RawHttp.utf8("é"),
                "/management/v1/orgs/me\u0000", "/management/v1/orgs/ me", "*",
                "/management/v1/users/" + "a".repeat(5000));
        for (String target : tricks) {
            probes.add(Probe.either(FAMILY, "no credentials: GET " + target.substring(0, Math.min(target.length(), 80)),
                    RawHttp.Request.of("GET", target), 400, 401, 404, 414));
        }

        // With credentials, every method a served path does not serve: 405 naming exactly the served ones.
        for (String template : Routes.templates()) {
            String target = Routes.fill(template, server.ids);
            Set<String> served = Routes.methodsAt(target);
            for (String method : METHODS) {
                if (served.contains(method)) {
                    continue;
                }
                Integer[] statuses = method.equals("HEAD") && served.contains("GET")
                        ? new Integer[] {200, 405} : new Integer[] {405};
                probes.add(Probe.management(FAMILY, method + " " + template,
                        RawHttp.Request.of(method, target).bearer(server.admin), statuses)
                        .and(answer -> {
                            if (answer.status() == 405) {
                                assertThat(Set.of(answer.header("Allow").orElseThrow().split(",\\s*")))
                                        .as("Allow of %s %s", method, template).isEqualTo(served);
                            }
                        }));
            }
            // Without credentials, authentication comes first, whatever the method.
            probes.add(Probe.management(FAMILY, "no credentials: TRACE " + template,
                    RawHttp.Request.of("TRACE", target), 401));
        }

        for (String oauth : List.of("/oauth/v2/token", "/oauth/v2/introspect", "/oauth/v2/revoke")) {
            for (String method : List.of("GET", "PUT", "DELETE", "PATCH", "TRACE", "OPTIONS", "FOO")) {
                probes.add(allowing(Probe.oauth(FAMILY, method + " " + oauth, RawHttp.Request.of(method, oauth), 405),
                        "POST"));
            }
        }
        for (String method : List.of("PUT", "DELETE", "PATCH", "TRACE", "OPTIONS", "FOO")) {
            probes.add(allowing(Probe.oauth(FAMILY, method + " /oidc/v1/userinfo",
                    RawHttp.Request.of(method, "/oidc/v1/userinfo"), 405), "GET", "POST"));
        }
        for (String document : List.of("/oauth/v2/keys", "/.well-known/openid-configuration")) {
            for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "TRACE", "OPTIONS", "FOO")) {
                probes.add(allowing(Probe.oauth(FAMILY, method + " " + document, RawHttp.Request.of(method, document),
                        405), "GET", "HEAD"));
            }
            probes.add(Probe.oauth(FAMILY, "HEAD " + document, RawHttp.Request.of("HEAD", document), 200));
            probes.add(Probe.oauth(FAMILY, "GET " + document, RawHttp.Request.of("GET", document), 200));
        }

        // Paths nothing serves: a JSON 404 in the shape of the API the prefix belongs to.
        for (String target : List.of("/", "/favicon.ico", "/index.html", "/robots.txt",
                "/.well-known/security.txt", "/management", "/admin", "/WEB-INF/web.xml", "/actuator/env",
                "/%2e%2e/%2e%2e/etc/passwd")) {
            for (String method : List.of("GET", "POST", "TRACE")) {
                probes.add(Probe.management(FAMILY, method + " " + target, RawHttp.Request.of(method, target), 400, 404));
            }
        }
        for (String target : List.of("/oauth/v2/unknown", "/oauth/v2", "/oidc/v1/nothing", "/oauth/v2/token/x")) {
            probes.add(Probe.oauth(FAMILY, "GET " + target, RawHttp.Request.of("GET", target), 404));
        }
        for (String healthz : List.of(Routes.M + "/healthz", Routes.A + "/healthz")) {
            probes.add(Probe.management(FAMILY, "GET " + healthz + " (public)", RawHttp.Request.of("GET", healthz), 200));
            probes.add(Probe.management(FAMILY, "no credentials: DELETE " + healthz, RawHttp.Request.of("DELETE",
                    healthz), 401));
        }
        probes.add(Probe.management(FAMILY, "POST /observe/health", RawHttp.Request.of("POST", "/observe/health"),
                404, 405));
        probes.add(Probe.management(FAMILY, "TRACE /observe/health", RawHttp.Request.of("TRACE", "/observe/health"),
                404, 405));
        return probes;
    }

    private static Probe allowing(Probe probe, String... methods) {
        return probe.and(answer -> assertThat(Set.of(answer.header("Allow").orElseThrow().split(",\\s*")))
                .as("Allow of %s", probe).isEqualTo(Set.of(methods)));
    }
}
