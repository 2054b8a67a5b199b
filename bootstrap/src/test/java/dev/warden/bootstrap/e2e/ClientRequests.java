package dev.warden.bootstrap.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Raw HTTP calls of one Warden node as clients behind a trusted proxy make them: each names its
 * address in {@code X-Forwarded-For} (which the node believes only when it trusts 127.0.0.1).
 * Bearer calls of the management API and form posts to the OAuth endpoints.
 */
final class ClientRequests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;

    ClientRequests(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    /** {@code GET /management/v1/orgs/me} with the token, from {@code address}. */
    HttpResponse<String> bearer(String address, String token) {
        return send(HTTP, HttpRequest.newBuilder(uri("/management/v1/orgs/me"))
                .header("Authorization", "Bearer " + token).header("X-Forwarded-For", address).GET().build());
    }

    /** A form post from {@code address}, with an {@code Authorization} header unless it is null. */
    HttpResponse<String> form(String address, String path, String authorization, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(HTTP, request.build());
    }

    /** A client-credentials token request with a client secret in the form. */
    HttpResponse<String> clientCredentials(String address, String clientId, String secret) {
        return form(address, "/oauth/v2/token", null, "grant_type=client_credentials&scope=openid&client_id="
                + encode(clientId) + "&client_secret=" + encode(secret));
    }

    /** An introspection of {@code token} by the API app with Basic authentication. */
    HttpResponse<String> introspect(String address, String clientId, String secret, String token) {
        return form(address, "/oauth/v2/introspect", basic(clientId, secret), "token=" + encode(token));
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((encode(id) + ":" + encode(secret))
                .getBytes(StandardCharsets.UTF_8));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
