package dev.warden.application.auth;

import java.util.Objects;

/**
 * The request a credential was presented with, for methods whose proof covers it (e.g. a
 * signature over method and path): the HTTP method and the request target as sent (raw path and
 * query, percent-encoding kept). {@link #NONE} where there is no such request (OAuth form fields).
 */
public record RequestTarget(String method, String pathAndQuery) {

    public static final RequestTarget NONE = new RequestTarget("", "");

    public RequestTarget {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathAndQuery, "pathAndQuery");
    }

    public boolean isNone() {
        return method.isEmpty() && pathAndQuery.isEmpty();
    }
}
