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

/**
 * A small real-HTTP client of one Warden node, as a curl user would call it. It records every
 * secret an answer hands out in the {@link SecretLedger}, and checks that no error body holds a
 * recorded secret or the credential the request presented.
 */
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
        return call(method, path, token, body, headers, "application/json");
    }

    private Reply call(String method, String path, String token, String body, Map<String, String> headers,
                       String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType)
                .timeout(TIMEOUT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json = text.isEmpty() ? null : JSON.readTree(text);
            watchSecrets(method + " " + path, response.statusCode(), json, text, token);
            return new Reply(response.statusCode(), json, text, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The JSON fields whose values are secrets, wherever they appear in an answer. */
    private static final java.util.Set<String> SECRET_FIELDS = java.util.Set.of("token", "clientSecret",
            "access_token", "id_token", "refresh_token");

    static void watchSecrets(String request, int status, JsonNode json, String text, String presented) {
        SecretLedger ledger = SecretLedger.get();
        if (status >= 400) {
            ledger.checkText("the error body of " + request, text);
            if (presented != null && presented.length() >= SecretLedger.MIN_SECRET_LENGTH && text.contains(presented)) {
                throw new AssertionError("the error body of " + request + " echoes the presented credential");
            }
            return;
        }
        if (json != null) {
            recordSecrets(json, ledger);
        }
    }

    private static void recordSecrets(JsonNode node, SecretLedger ledger) {
        node.properties().forEach(field -> {
            if (field.getValue().isTextual() && SECRET_FIELDS.contains(field.getKey())) {
                ledger.record(field.getKey(), field.getValue().asText());
            } else if (field.getValue().isTextual() && field.getKey().equals("keyDetails")) {
                ledger.recordKeyFile(field.getValue().asText());
            }
        });
        node.elements().forEachRemaining(child -> {
            if (child.isContainerNode()) {
                recordSecrets(child, ledger);
            }
        });
    }

    /** A form POST (the OAuth endpoints), with HTTP Basic client authentication when {@code basic} is given. */
    Reply form(String path, String basicUser, String basicPassword, String form) {
        java.util.Map<String, String> headers = new java.util.HashMap<>();
        if (basicUser != null) {
            headers.put("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                    (encode(basicUser) + ":" + encode(basicPassword)).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return call("POST", path, null, form, headers, "application/x-www-form-urlencoded");
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
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
