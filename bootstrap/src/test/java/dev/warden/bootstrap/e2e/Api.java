package dev.warden.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small real-HTTP client of one Warden node, as a curl user would call it. */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** A server that stops answering fails the test instead of hanging it. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final int port;

    Api(int port) {
        this.port = port;
    }

    /** A response: status, JSON body (or null) and raw text. */
    record Reply(int status, JsonNode json, String text, HttpResponse<String> raw) {
        JsonNode at(String pointer) {
            return json.at(pointer);
        }

        String text(String pointer) {
            return json.at(pointer).asText();
        }
    }

    Reply call(String method, String path, String token, String body) {
        return call(method, path, token, body, Map.of());
    }

    Reply call(String method, String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .timeout(TIMEOUT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json = text.isEmpty() ? null : JSON.readTree(text);
            return new Reply(response.statusCode(), json, text, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply get(String path, String token) {
        return call("GET", path, token, null);
    }

    Reply post(String path, String token, String body) {
        return call("POST", path, token, body);
    }

    Reply put(String path, String token, String body) {
        return call("PUT", path, token, body);
    }

    Reply delete(String path, String token) {
        return call("DELETE", path, token, null);
    }
}
