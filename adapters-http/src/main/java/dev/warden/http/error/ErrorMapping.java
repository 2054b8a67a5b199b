package dev.warden.http.error;

import dev.warden.application.error.AlreadyExistsException;
import dev.warden.application.error.ConflictException;
import dev.warden.application.error.InvalidArgumentException;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.error.PermissionDeniedException;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.error.TooManyAttemptsException;
import dev.warden.application.error.UnavailableException;
import dev.warden.application.error.WardenException;
import dev.warden.http.json.JsonCodec;
import dev.warden.http.json.PayloadTooLargeException;
import dev.warden.http.observe.RequestObservation;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where failures become HTTP answers: application exceptions get the contract's
 * status, gRPC code and message; anything unexpected is logged with the request id (the
 * correlation id) and answered with an opaque 500 that names only that id.
 */
public final class ErrorMapping {

    private static final Logger LOG = Logger.getLogger(ErrorMapping.class.getName());

    private final JsonCodec json;

    public ErrorMapping(JsonCodec json) {
        this.json = json;
    }

    /** Registers the error handlers on the routing. */
    public void register(HttpRouting.Builder routing) {
        routing.error(WardenException.class, this::applicationError)
                .error(PayloadTooLargeException.class, (req, res, e) -> json.send(res,
                        Status.REQUEST_ENTITY_TOO_LARGE_413,
                        ErrorResponse.plain(GrpcCode.RESOURCE_EXHAUSTED.code(), "Request body too large")))
                .error(RequestException.class, (req, res, e) -> statusError(req, res, e.status(), e))
                // Helidon's own refusals, e.g. the 404 of a path no route serves.
                .error(HttpException.class, (req, res, e) -> statusError(req, res, e.status(), e))
                .error(Exception.class, this::unexpected);
    }

    /** Sends an error body with the code's HTTP status. */
    public void send(ServerResponse response, GrpcCode code, ErrorResponse body) {
        if (code == GrpcCode.UNAVAILABLE) {
            response.header(HeaderNames.RETRY_AFTER, "1");
        }
        json.send(response, code.status(), body);
    }

    private void applicationError(ServerRequest request, ServerResponse response, WardenException error) {
        GrpcCode code = switch (error) {
            case NotFoundException e -> GrpcCode.NOT_FOUND;
            case AlreadyExistsException e -> GrpcCode.ALREADY_EXISTS;
            case PermissionDeniedException e -> GrpcCode.PERMISSION_DENIED;
            case InvalidArgumentException e -> GrpcCode.INVALID_ARGUMENT;
            case PreconditionFailedException e -> GrpcCode.FAILED_PRECONDITION;
            case UnavailableException e -> GrpcCode.UNAVAILABLE;
            case ConflictException e -> GrpcCode.ABORTED;
            case TooManyAttemptsException e -> {
                response.header(HeaderNames.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
                yield GrpcCode.RESOURCE_EXHAUSTED;
            }
        };
        // Validation errors carry no Warden id, like the gateway's own validation messages.
        send(response, code, error.errorId() == null ? ErrorResponse.plain(code.code(), error.text())
                : ErrorResponse.of(code.code(), error.errorId(), error.text()));
    }

    private void statusError(ServerRequest request, ServerResponse response, Status status, Exception error) {
        if (status.code() >= 500) {
            unexpected(request, response, error);
            return;
        }
        // The status stays what Helidon decided (e.g. 413); the body follows the contract's shape.
        json.send(response, status, ErrorResponse.plain(GrpcCode.forStatus(status.code()).code(), status.reasonPhrase()));
    }

    private void unexpected(ServerRequest request, ServerResponse response, Exception error) {
        // The request id: the same as in the X-Request-Id header and the access log line.
        String correlationId = RequestObservation.requestId(request);
        LOG.log(Level.SEVERE, "Unexpected error, correlation id " + correlationId + " on "
                + request.prologue().method().text() + " " + request.prologue().uriPath().path(), error);
        json.send(response, Status.INTERNAL_SERVER_ERROR_500,
                ErrorResponse.plain(GrpcCode.INTERNAL.code(), "Internal error (correlation id " + correlationId + ")"));
    }
}
