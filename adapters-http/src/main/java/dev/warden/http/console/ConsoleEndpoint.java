package dev.warden.http.console;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Driving adapter: the web console, static files served from the jar at {@code /ui/}. A fixed
 * allow-list of files read once from the classpath: no path from the request ever reaches the class
 * loader. The console calls the management API itself with the PAT it keeps in session storage;
 * these answers hold no secret, need no authentication, and carry a CSP of their own that lets the
 * page load its own scripts and styles (still no inline code, no framing, no other origin).
 */
public final class ConsoleEndpoint implements HttpService {

    public static final String PATH = "/ui";

    /** Same origin only; no inline script or style; no forms posted anywhere; never framed. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    /** Every file the console has; one per line. Anything else under /ui/ is a 404. */
    private static final List<String> FILES = List.of(
            "index.html",
            "console.css",
            "app.js",
            "api.js",
            "dom.js",
            "ui.js",
            "signin.js",
            "org.js",
            "users.js",
            "user.js",
            "user-pats.js",
            "user-secret.js",
            "user-roles.js",
            "projects-api.js",
            "projects.js",
            "project-app.js",
            "user-grants.js",
            "members.js",
            "user-keys.js");

    private final Map<String, byte[]> contents = new LinkedHashMap<>();

    public ConsoleEndpoint() {
        FILES.forEach(name -> contents.put(name, read(name)));
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(PATH, this::serve).get(PATH + "/*", this::serve);
    }

    private void serve(ServerRequest request, ServerResponse response) {
        String path = request.path().rawPath();
        if (path.equals(PATH)) {
            response.status(Status.MOVED_PERMANENTLY_301).header(HeaderNames.LOCATION, PATH + "/").send();
            return;
        }
        String name = path.equals(PATH + "/") ? "index.html" : path.substring(PATH.length() + 1);
        byte[] body = contents.get(name);
        response.header(HeaderValues.create("Content-Security-Policy", CONTENT_SECURITY_POLICY));
        if (body == null) {
            response.status(Status.NOT_FOUND_404).header(HeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8")
                    .send("Not Found");
            return;
        }
        response.header(HeaderNames.CONTENT_TYPE, contentType(name)).send(body);
    }

    private static String contentType(String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=UTF-8";
        }
        return name.endsWith(".css") ? "text/css; charset=UTF-8" : "text/javascript; charset=UTF-8";
    }

    private static byte[] read(String name) {
        try (InputStream in = ConsoleEndpoint.class.getResourceAsStream("/ui/" + name)) {
            if (in == null) {
                throw new IllegalStateException("console file missing from the jar: ui/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
