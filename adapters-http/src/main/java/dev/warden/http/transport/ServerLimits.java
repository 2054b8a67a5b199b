package dev.warden.http.transport;

import io.helidon.webserver.http1.Http1Config;

/**
 * The HTTP/1.1 framing limits of the listener. A request line or header block over them is
 * refused by Helidon before routing, answered by {@link TransportErrors}. The body limit is
 * configuration ({@code warden.http.max.payload.bytes}), applied by the API itself.
 */
public final class ServerLimits {

    /** Longest request line (method, target, version): far above any path or query of the API. */
    public static final int MAX_PROLOGUE_BYTES = 4096;
    /** Largest header block: room for an 8 KiB Authorization header and the usual headers. */
    public static final int MAX_HEADERS_BYTES = 16384;

    private ServerLimits() {
    }

    /** The HTTP/1.1 protocol settings with these limits, the request path validated. */
    public static Http1Config http1() {
        return Http1Config.builder()
                .maxPrologueLength(MAX_PROLOGUE_BYTES)
                .maxHeadersSize(MAX_HEADERS_BYTES)
                .validatePath(true)
                .build();
    }
}
