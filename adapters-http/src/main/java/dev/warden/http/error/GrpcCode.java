package dev.warden.http.error;

import io.helidon.http.Status;

/** The gRPC status codes ZITADEL's REST gateway puts in error bodies, with their HTTP statuses. */
public enum GrpcCode {
    INVALID_ARGUMENT(3, Status.BAD_REQUEST_400),
    NOT_FOUND(5, Status.NOT_FOUND_404),
    ALREADY_EXISTS(6, Status.CONFLICT_409),
    PERMISSION_DENIED(7, Status.FORBIDDEN_403),
    RESOURCE_EXHAUSTED(8, Status.TOO_MANY_REQUESTS_429),
    FAILED_PRECONDITION(9, Status.BAD_REQUEST_400),
    ABORTED(10, Status.CONFLICT_409),
    UNIMPLEMENTED(12, Status.METHOD_NOT_ALLOWED_405),
    INTERNAL(13, Status.INTERNAL_SERVER_ERROR_500),
    UNAVAILABLE(14, Status.SERVICE_UNAVAILABLE_503),
    UNAUTHENTICATED(16, Status.UNAUTHORIZED_401);

    private final int code;
    private final Status status;

    GrpcCode(int code, Status status) {
        this.code = code;
        this.status = status;
    }

    public int code() {
        return code;
    }

    public Status status() {
        return status;
    }

    /**
     * The code for a status that the transport or Helidon chose rather than Warden: 404, 405 and
     * the size limits keep their meaning, other 4xx are invalid arguments, other 5xx internal.
     */
    public static GrpcCode forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHENTICATED;
            case 403 -> PERMISSION_DENIED;
            case 404 -> NOT_FOUND;
            case 405 -> UNIMPLEMENTED;
            case 413, 414, 429, 431 -> RESOURCE_EXHAUSTED;
            case 503 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : INVALID_ARGUMENT;
        };
    }
}
