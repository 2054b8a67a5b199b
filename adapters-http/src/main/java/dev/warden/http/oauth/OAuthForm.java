package dev.warden.http.oauth;

import dev.warden.http.json.PayloadTooLargeException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of an OAuth request body ({@code application/x-www-form-urlencoded}, RFC 6749
 * §3.2), read strictly: another content type, invalid UTF-8 or percent-encoding, or a parameter
 * sent twice (RFC 6749 §3.2: "MUST NOT be included more than once") is {@code invalid_request};
 * a body over the limit is a 413. Empty values count as absent (RFC 6749 §3.1).
 */
public final class OAuthForm {

    private final Map<String, String> parameters;

    private OAuthForm(Map<String, String> parameters) {
        this.parameters = Collections.unmodifiableMap(parameters);
    }

    /** Reads the request's form body; throws {@link OAuthException} or {@link PayloadTooLargeException}. */
    public static OAuthForm read(ServerRequest request, long maxBytes) {
        String contentType = request.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        String mediaType = contentType.split(";", 2)[0].strip();
        if (!mediaType.equalsIgnoreCase("application/x-www-form-urlencoded")) {
            throw new OAuthException(OAuthError.invalidRequest(
                    "Content-Type must be application/x-www-form-urlencoded"));
        }
        if (request.headers().contentLength().orElse(0) > maxBytes) {
            throw new PayloadTooLargeException(maxBytes);
        }
        byte[] bytes = request.content().hasEntity() ? request.content().as(byte[].class) : new byte[0];
        if (bytes.length > maxBytes) {
            throw new PayloadTooLargeException(maxBytes);
        }
        return parse(bytes);
    }

    static OAuthForm parse(byte[] bytes) {
        String body;
        try {
            body = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new OAuthException(OAuthError.invalidRequest("body is not valid UTF-8"));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return new OAuthForm(parameters);
        }
        for (String pair : body.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (parameters.containsKey(name)) {
                throw new OAuthException(OAuthError.invalidRequest("parameter " + printable(name)
                        + " is included more than once"));
            }
            parameters.put(name, value);
        }
        return new OAuthForm(parameters);
    }

    private static String decode(String encoded) {
        return formDecode(encoded).orElseThrow(() -> new OAuthException(
                OAuthError.invalidRequest("body is not valid form encoding")));
    }

    /**
     * One form-urlencoded component decoded strictly: {@code +} is a space, {@code %XX} needs two
     * hex digits, and the bytes must be valid UTF-8; empty when they are not. Decoding to bytes
     * first lets a valid U+FFFD through, where {@link java.net.URLDecoder} cannot tell it from a
     * replaced invalid byte.
     */
    static Optional<String> formDecode(String encoded) {
        if (encoded.indexOf('%') < 0 && encoded.indexOf('+') < 0) {
            return Optional.of(encoded);
        }
        byte[] raw = encoded.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[raw.length];
        int length = 0;
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b == '+') {
                out[length++] = ' ';
            } else if (b == '%') {
                if (i + 2 >= raw.length) {
                    return Optional.empty();
                }
                int high = hex(raw[i + 1]);
                int low = hex(raw[i + 2]);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                out[length++] = (byte) (high << 4 | low);
                i += 2;
            } else {
                out[length++] = b;
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out, 0, length)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    /** A parameter name fit for an error message: short and without control characters. */
    static String printable(String name) {
        String cut = name.length() > 40 ? name.substring(0, 40) + "…" : name;
        return cut.codePoints().allMatch(c -> c >= 0x20 && c != 0x7f) ? cut : "(unprintable)";
    }

    /** The parameter's value; empty when absent or empty. */
    public Optional<String> get(String name) {
        String value = parameters.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** The parameter's value, or {@code invalid_request} "{name} missing". */
    public String require(String name) {
        return get(name).orElseThrow(() -> new OAuthException(OAuthError.invalidRequest(name + " missing")));
    }

    public boolean has(String name) {
        return get(name).isPresent();
    }
}
