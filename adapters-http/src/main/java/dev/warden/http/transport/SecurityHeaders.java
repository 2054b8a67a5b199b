package dev.warden.http.transport;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.Filter;

import java.util.List;

/**
 * The security headers of every answer, in one place: the routing's filter sets them before any
 * handler runs, and the transport error answers carry them too. No answer may be framed, sniffed
 * as another type, leak its URL as a referrer or be stored by a cache: every API answer can hold a
 * secret or say something about one (a PAT, a client secret, a key file, an access token). The
 * public OAuth documents (JWKS, discovery) alone replace {@code Cache-Control} with their own, and
 * the web console's static files ({@code /ui/}) replace the CSP with one that lets the page load
 * its own scripts and styles.
 */
public final class SecurityHeaders {

    /** What a browser may load for an answer of this API: nothing, and nowhere framed. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private static final List<Header> ALL = List.of(
            HeaderValues.createCached(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff"),
            HeaderValues.createCached(HeaderNames.create("Referrer-Policy"), "no-referrer"),
            HeaderValues.createCached(HeaderNames.create("X-Frame-Options"), "DENY"),
            HeaderValues.createCached(HeaderNames.create("Content-Security-Policy"), CONTENT_SECURITY_POLICY),
            HeaderValues.createCached(HeaderNames.CACHE_CONTROL, "no-store"),
            HeaderValues.createCached(HeaderNames.PRAGMA, "no-cache"));

    private SecurityHeaders() {
    }

    /** The headers, in the order they are sent. */
    public static List<Header> all() {
        return ALL;
    }

    /** The routing filter that puts the headers on every response before its handler runs. */
    public static Filter filter() {
        return (chain, request, response) -> {
            ALL.forEach(response::header);
            chain.proceed();
        };
    }
}
