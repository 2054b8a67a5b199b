package dev.warden.http.oauth;

import dev.warden.application.error.TooManyAttemptsException;
import dev.warden.application.error.UnavailableException;
import dev.warden.http.observe.RequestObservation;
import dev.warden.http.json.JsonCodec;
import dev.warden.http.json.PayloadTooLargeException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes OAuth answers: JSON with {@code Cache-Control: no-store} and {@code Pragma: no-cache}
 * (RFC 6749 §5.1), errors as {@code {"error","error_description"}} (§5.2), 401 with a
 * {@code WWW-Authenticate} challenge. {@link #handler} wraps an endpoint so that nothing it
 * throws reaches the management API's error mapping.
 */
public final class OAuthResponses {

    private static final Logger LOG = Logger.getLogger(OAuthResponses.class.getName());
    static final String CHALLENGE = "Basic realm=\"warden\"";

    private final JsonCodec json;

    public OAuthResponses(JsonCodec json) {
        this.json = json;
    }

    /** An OAuth endpoint's body; it answers by returning normally or throwing {@link OAuthException}. */
    @FunctionalInterface
    public interface OAuthHandler {
        void handle(ServerRequest request, ServerResponse response);
    }

    /** 200 with the JSON body, never cached. */
    public void ok(ServerResponse response, Object body) {
        response.header(HeaderNames.PRAGMA, "no-cache");
        json.send(response, Status.OK_200, body);
    }

    /** The error; a 401 challenges for HTTP Basic client authentication (RFC 6749 §5.2). */
    public void error(ServerResponse response, OAuthError error) {
        error(response, error, error.status() == 401 ? CHALLENGE : "");
    }

    /**
     * The error with this {@code WWW-Authenticate} challenge, none when empty: a protected
     * resource's {@code Bearer} challenge (RFC 6750 §3) rather than the token endpoint's.
     */
    public void error(ServerResponse response, OAuthError error, String challenge) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error.error());
        if (!error.description().isEmpty()) {
            body.put("error_description", error.description());
        }
        if (!challenge.isEmpty()) {
            response.header(HeaderNames.WWW_AUTHENTICATE, challenge);
        }
        if (error.status() == 503) {
            response.header(HeaderNames.RETRY_AFTER, "1");
        }
        response.header(HeaderNames.PRAGMA, "no-cache");
        json.send(response, Status.create(error.status()), body);
    }

    /** 405 with {@code Allow}: for the other methods on an OAuth endpoint's path. */
    public Handler methodNotAllowed(String allow) {
        return (request, response) -> {
            response.header(HeaderNames.ALLOW, allow);
            error(response, new OAuthError(405, "invalid_request", "method not allowed; use " + allow));
        };
    }

    /** 404 in OAuth's shape, for paths under the OAuth prefixes that Warden does not serve. */
    public Handler notFound() {
        return (request, response) -> error(response, new OAuthError(404, "invalid_request", "unknown endpoint"));
    }

    private void transportRefusal(ServerRequest request, ServerResponse response, RuntimeException e, Status status) {
        if (status.code() >= 500) {
            LOG.log(Level.WARNING, "OAuth endpoint " + request.path().path() + " failed, request id "
                    + RequestObservation.requestId(request), e);
            error(response, OAuthError.serverError());
        } else {
            error(response, new OAuthError(status.code(), "invalid_request", status.reasonPhrase()));
        }
    }

    /** The endpoint body with every failure turned into an OAuth answer (never a stack trace). */
    public Handler handler(OAuthHandler body) {
        return (request, response) -> {
            try {
                body.handle(request, response);
            } catch (OAuthException e) {
                error(response, e.error());
            } catch (PayloadTooLargeException e) {
                error(response, new OAuthError(413, "invalid_request", "request body too large"));
            } catch (UnavailableException e) {
                error(response, OAuthError.temporarilyUnavailable());
            } catch (TooManyAttemptsException e) {
                response.header(HeaderNames.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
                error(response, OAuthError.tooManyAttempts());
            } catch (RequestException e) {
                // Helidon refused the request while it was read (e.g. a chunked body over the server's limit).
                transportRefusal(request, response, e, e.status());
            } catch (HttpException e) {
                transportRefusal(request, response, e, e.status());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "OAuth endpoint " + request.path().path() + " failed, request id "
                    + RequestObservation.requestId(request), e);
                if (!response.isSent()) {
                    error(response, OAuthError.serverError());
                }
            }
        };
    }
}
