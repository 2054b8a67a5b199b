package dev.warden.bootstrap.e2e.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP/1.1 client that sends a request exactly as written, over a fresh connection: no
 * normalisation of the path, no checks of header names or values, bodies of any bytes. What a
 * hostile client sends cannot go through {@link java.net.http.HttpClient}, which refuses most of it.
 */
final class RawHttp {

    /** Larger answers are a failure in themselves: no answer of this API comes near it. */
    private static final int MAX_ANSWER_BYTES = 4 << 20;

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /**
     * A request: the request line's method and target as sent, header lines as sent (several of the
     * same name allowed), a body sent with its length, or chunked.
     */
    record Request(String method, String target, List<String> headers, byte[] body, boolean chunked) {

        static Request of(String method, String target) {
            return new Request(method, target, List.of(), null, false);
        }

        Request header(String name, String value) {
            List<String> more = new ArrayList<>(headers);
            more.add(name + ": " + value);
            return new Request(method, target, more, body, chunked);
        }

        /** A header line sent as is, e.g. with a malformed name. */
        Request headerLine(String line) {
            List<String> more = new ArrayList<>(headers);
            more.add(line);
            return new Request(method, target, more, body, chunked);
        }

        Request bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        Request json(String text) {
            return json(text.getBytes(StandardCharsets.UTF_8));
        }

        Request json(byte[] bytes) {
            return header("Content-Type", "application/json").body(bytes);
        }

        Request form(String text) {
            return header("Content-Type", "application/x-www-form-urlencoded")
                    .body(text.getBytes(StandardCharsets.UTF_8));
        }

        Request body(byte[] bytes) {
            return new Request(method, target, headers, bytes, chunked);
        }

        Request inChunks() {
            return new Request(method, target, headers, body, true);
        }

        /** Bodies larger than this are sent only after the server's {@code 100 Continue}, as curl does. */
        static final int EXPECT_CONTINUE_ABOVE = 65536;

        boolean expectsContinue() {
            return body != null && body.length > EXPECT_CONTINUE_ABOVE;
        }

        /**
         * The request line and headers on the wire. Header text is sent as ISO-8859-1, one byte per
         * character, so a test chooses every byte; {@link #utf8} turns text into its UTF-8 bytes first.
         */
        byte[] head(int port) {
            StringBuilder head = new StringBuilder();
            head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            head.append("Host: 127.0.0.1:").append(port).append("\r\n");
            head.append("Connection: close\r\n");
            headers.forEach(line -> head.append(line).append("\r\n"));
            if (body != null) {
                head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
            }
            if (expectsContinue()) {
                head.append("Expect: 100-continue\r\n");
            }
            head.append("\r\n");
            return head.toString().getBytes(StandardCharsets.ISO_8859_1);
        }

        /** The body on the wire: as is, or in chunks of 64 KiB. */
        byte[] payload() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (body != null && chunked) {
                for (int at = 0; at < body.length; at += 65536) {
                    int length = Math.min(65536, body.length - at);
                    out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body, at, length);
                    out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } else if (body != null) {
                out.writeBytes(body);
            }
            return out.toByteArray();
        }

        /** The request for a report: credentials shortened, control characters escaped, long values cut. */
        @Override
        public String toString() {
            StringBuilder shown = new StringBuilder(method).append(' ').append(cut(target, 120));
            for (String line : headers) {
                boolean credential = line.regionMatches(true, 0, "Authorization", 0, 13);
                shown.append(" | ").append(credential ? cut(line, 28) + "(" + line.length() + " chars)" : cut(line, 120));
            }
            StringBuilder escaped = new StringBuilder();
            shown.chars().forEach(c -> escaped.append(c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)
                    ? String.format("\\x%02x", c) : String.valueOf((char) c)));
            return escaped.toString();
        }

        private static String cut(String text, int length) {
            return text.length() > length ? text.substring(0, length) + "…" : text;
        }
    }

    /** Text as its UTF-8 bytes, one character per byte, for a header line sent as ISO-8859-1. */
    static String utf8(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** An answer: status (-1 when the server closed without one), headers by lower-case name, body. */
    record Answer(int status, Map<String, List<String>> headers, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        Optional<String> header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()).stream().findFirst();
        }

        List<String> all(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }
    }

    Answer send(Request request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try {
                out.write(request.head(port));
                out.flush();
                if (request.expectsContinue() && !continued(in, received)) {
                    // A final answer instead of 100 Continue: the body is never sent.
                    return parse(readAnswer(in, received, request), request.method().equals("HEAD"));
                }
                out.write(request.payload());
                out.flush();
            } catch (IOException refusedWhileSending) {
                // The server may answer and close before reading all of a body it refuses: read the answer.
            }
            return parse(readAnswer(in, received, request), request.method().equals("HEAD"));
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + request, e);
        }
    }

    /** Reads the first answer head; true when it is a {@code 100 Continue} (then dropped), else kept in {@code received}. */
    private static boolean continued(InputStream in, ByteArrayOutputStream received) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] sofar = head.toByteArray();
            if (sofar.length >= 4 && indexOf(sofar, end, sofar.length - 4) >= 0) {
                break;
            }
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        if (text.startsWith("HTTP/1.1 100")) {
            return true;
        }
        received.writeBytes(head.toByteArray());
        return false;
    }

    /**
     * Reads until one whole answer is in (by its length or chunking: the server may keep the
     * connection open despite {@code Connection: close}), or until the server closes.
     */
    private static byte[] readAnswer(InputStream in, ByteArrayOutputStream all, Request request) throws IOException {
        boolean head = request.method().equals("HEAD");
        byte[] buffer = new byte[16384];
        try {
            while (!complete(all.toByteArray(), head)) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                all.write(buffer, 0, n);
                if (all.size() > MAX_ANSWER_BYTES) {
                    throw new IllegalStateException("answer larger than " + MAX_ANSWER_BYTES + " bytes");
                }
            }
        } catch (java.net.SocketException reset) {
            // A reset after the answer was sent (the server closed with unread request bytes): keep what came.
            if (all.size() == 0) {
                throw reset;
            }
        }
        return all.toByteArray();
    }

    /** Whether the bytes hold a whole answer: its head, and its body by length or final chunk. */
    private static boolean complete(byte[] raw, boolean head) {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        if (end < 0) {
            return false;
        }
        Answer headOnly = parse(Arrays.copyOf(raw, end + 4), true);
        int status = headOnly.status();
        int bodyLength = raw.length - end - 4;
        if (status == 100) {
            return complete(Arrays.copyOfRange(raw, end + 4, raw.length), head);
        }
        if (head || status == 204 || status == 304) {
            return true;
        }
        if (headOnly.all("Transfer-Encoding").stream().anyMatch(v -> v.equalsIgnoreCase("chunked"))) {
            return lastChunkIn(Arrays.copyOfRange(raw, end + 4, raw.length));
        }
        return headOnly.header("Content-Length").map(length -> bodyLength >= Integer.parseInt(length)).orElse(false);
    }

    private static boolean lastChunkIn(byte[] chunked) {
        int at = 0;
        while (true) {
            int lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.US_ASCII), at);
            if (lineEnd < 0) {
                return false;
            }
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII)
                    .split(";")[0].strip(), 16);
            if (size == 0) {
                return indexOf(chunked, "\r\n".getBytes(StandardCharsets.US_ASCII), lineEnd + 2) >= 0;
            }
            at = lineEnd + 2 + size + 2;
            if (at > chunked.length) {
                return false;
            }
        }
    }

    static Answer parse(byte[] raw, boolean head) {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        if (end < 0) {
            return new Answer(-1, Map.of(), raw);
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).strip());
        }
        byte[] rest = Arrays.copyOfRange(raw, end + 4, raw.length);
        if (status == 100) {
            return parse(rest, head);
        }
        if (head) {
            return new Answer(status, headers, new byte[0]);
        }
        boolean chunked = headers.getOrDefault("transfer-encoding", List.of()).stream()
                .anyMatch(v -> v.equalsIgnoreCase("chunked"));
        return new Answer(status, headers, chunked ? dechunk(rest) : rest);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.US_ASCII), at);
            String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].strip();
            int size = Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
