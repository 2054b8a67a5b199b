package dev.warden.bootstrap.e2e;

import dev.warden.bootstrap.Wiring;
import dev.warden.bootstrap.config.ConfigLoader;
import dev.warden.http.RegisteredRoutes;
import dev.warden.http.RegisteredRoutes.Route;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document at {@code /openapi} against the routes the real server registered (recorded
 * by {@link RegisteredRoutes} in the composition root, observe endpoints included): every route is
 * documented and every documented operation is served.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiEndToEndTest {

    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");

    @TempDir
    static Path dataDir;

    private Wiring warden;
    private HttpResponse<String> served;
    private Map<String, Object> document;

    @BeforeAll
    void start() throws Exception {
        warden = Wiring.start(ConfigLoader.load(Config.just(ConfigSources.create(Map.of(
                "warden.http.port", "0", "warden.http.host", "127.0.0.1", "warden.data.dir", dataDir.toString(),
                "warden.db.url", "")))));
        served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + warden.port() + "/openapi")).build(),
                HttpResponse.BodyHandlers.ofString());
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        document = new Yaml(options).load(served.body());
    }

    @AfterAll
    void stop() {
        if (warden != null) {
            warden.close();
        }
    }

    @Test
    void theDocumentIsServedAsYamlWithTheSecurityHeaders() throws Exception {
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("application/yaml; charset=UTF-8");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(served.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
        assertThat(String.valueOf(document.get("openapi"))).startsWith("3.");

        HttpResponse<String> post = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + warden.port() + "/openapi"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(post.body()).isEqualTo("{\"code\":12,\"message\":\"Method Not Allowed\"}");
    }

    @Test
    void everyRegisteredRouteIsDocumented() {
        assertThat(undocumented(warden.routes().routes(), document))
                .as("registered but missing from the OpenAPI document").isEmpty();
    }

    @Test
    void everyDocumentedOperationIsRegistered() {
        assertThat(unserved(warden.routes().routes(), document))
                .as("in the OpenAPI document but not registered").isEmpty();
    }

    @Test
    void everyRouteWasRecordedWithItsMethodAndPath() {
        assertThat(warden.routes().unreadable()).isEmpty();
        assertThat(warden.routes().routes()).as("observe endpoints recorded through their feature")
                .contains(new Route("GET", "/observe/health"), new Route("GET", "/management/v1/users/{id}"));
    }

    /**
     * Routes on every method are not operations: they are catch-alls ({@code /*}), the
     * authentication handler in front of an API prefix, or the 405 answer at a served path.
     */
    @Test
    void routesOnEveryMethodGuardServedPaths() {
        List<Route> routes = warden.routes().routes();
        List<Route> strays = routes.stream()
                .filter(r -> r.method().equals(RegisteredRoutes.ANY) && !r.path().endsWith("/*"))
                .filter(r -> routes.stream().noneMatch(o -> !o.method().equals(RegisteredRoutes.ANY)
                        && (o.path().equals(r.path()) || o.path().startsWith(r.path() + "/"))))
                .toList();
        assertThat(strays).as("routes on every method that guard no served path: document them as operations")
                .isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasASummaryResponsesAndItsPathParameters() {
        List<String> problems = new ArrayList<>();
        paths(document).forEach((path, item) -> item.forEach((key, value) -> {
            if (!OPERATIONS.contains(key)) {
                return;
            }
            Map<String, Object> operation = (Map<String, Object>) value;
            String name = key.toUpperCase() + " " + path;
            if (!(operation.get("summary") instanceof String summary) || summary.isBlank()) {
                problems.add(name + ": no summary");
            }
            if (!(operation.get("responses") instanceof Map<?, ?> responses) || responses.isEmpty()) {
                problems.add(name + ": no responses");
            }
            Set<String> declared = new TreeSet<>();
            for (Object list : new Object[] {item.get("parameters"), operation.get("parameters")}) {
                if (list instanceof List<?> parameters) {
                    parameters.forEach(p -> {
                        Map<String, Object> parameter = resolve(p);
                        if ("path".equals(parameter.get("in"))) {
                            declared.add((String) parameter.get("name"));
                        }
                    });
                }
            }
            Set<String> inTemplate = new TreeSet<>();
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path);
            while (m.find()) {
                inTemplate.add(m.group(1));
            }
            if (!declared.equals(inTemplate)) {
                problems.add(name + ": path parameters " + declared + " but the path has " + inTemplate);
            }
        }));
        assertThat(problems).isEmpty();
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertThat(refs).isNotEmpty();
        assertThat(refs.stream().filter(ref -> {
            try {
                resolve(Map.of("$ref", ref));
                return false;
            } catch (IllegalArgumentException e) {
                return true;
            }
        }).toList()).as("references to nothing").isEmpty();
    }

    /** The comparison bites: a route registered through the same recorder but not documented is reported. */
    @Test
    void aRouteMissingFromTheDocumentIsReported() {
        RegisteredRoutes recorder = new RegisteredRoutes();
        io.helidon.webserver.http.HttpRouting.Builder routing = recorder.recording(
                io.helidon.webserver.http.HttpRouting.builder());
        routing.register("/management/v1", rules -> rules.get("/users/{userId}/dummy", (req, res) -> res.send()));
        routing.build(); // services set up their routes when the routing is built
        List<Route> routes = new ArrayList<>(warden.routes().routes());
        routes.addAll(recorder.routes());
        assertThat(undocumented(routes, document)).containsExactly("GET /management/v1/users/{}/dummy");
    }

    /** The comparison bites: an operation removed from what is served (or added to the document) is reported. */
    @Test
    void anOperationThatIsNotServedIsReported() {
        List<Route> routes = new ArrayList<>(warden.routes().routes());
        assertThat(routes.remove(new Route("DELETE", "/management/v1/projects/{projectId}/roles/{+roleKey}")))
                .isTrue();
        assertThat(unserved(routes, document)).containsExactly("DELETE /management/v1/projects/{}/roles/{}");
    }

    static Set<String> undocumented(List<Route> routes, Map<String, Object> document) {
        Set<String> missing = new TreeSet<>(operations(routes));
        missing.removeAll(documented(document));
        return missing;
    }

    static Set<String> unserved(List<Route> routes, Map<String, Object> document) {
        Set<String> missing = new TreeSet<>(documented(document));
        missing.removeAll(operations(routes));
        return missing;
    }

    /** The registered operations: every route on one method, its path normalized. */
    private static Set<String> operations(List<Route> routes) {
        Set<String> operations = new LinkedHashSet<>();
        routes.stream().filter(r -> !r.method().equals(RegisteredRoutes.ANY))
                .forEach(r -> operations.add(r.method() + " " + normalize(r.path())));
        return operations;
    }

    private static Set<String> documented(Map<String, Object> document) {
        Set<String> operations = new LinkedHashSet<>();
        paths(document).forEach((path, item) -> item.keySet().stream().filter(OPERATIONS::contains)
                .forEach(method -> operations.add(method.toUpperCase() + " " + normalize(path))));
        return operations;
    }

    /**
     * Parameter names do not matter ({@code {id}} = {@code {userId}}), nor Helidon's rest-of-path
     * {@code {+roleKey}}; a trailing {@code /*} (the console's files) is one more parameter.
     */
    static String normalize(String path) {
        String normalized = path.replaceAll("\\{[^}]*}", "{}");
        return normalized.endsWith("/*") ? normalized.substring(0, normalized.length() - 1) + "{}" : normalized;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> paths(Map<String, Object> document) {
        Object paths = document.get("paths");
        assertThat(paths).as("paths").isInstanceOf(Map.class);
        return (Map<String, Map<String, Object>>) paths;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(Object node) {
        Map<String, Object> map = (Map<String, Object>) node;
        if (!(map.get("$ref") instanceof String ref)) {
            return map;
        }
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException(ref);
        }
        Object target = document;
        for (String part : ref.substring(2).split("/")) {
            if (!(target instanceof Map<?, ?> m) || !m.containsKey(part)) {
                throw new IllegalArgumentException(ref);
            }
            target = m.get(part);
        }
        return (Map<String, Object>) target;
    }

    private static void collectRefs(Object node, List<String> refs) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("$ref".equals(key) && value instanceof String ref) {
                    refs.add(ref);
                } else {
                    collectRefs(value, refs);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(child -> collectRefs(child, refs));
        }
    }
}
