package dev.warden.http.userinfo;

import dev.warden.application.auth.CredentialSchemes;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.oauth.OAuthSettings;
import dev.warden.application.port.in.GetUserInfoQuery;
import dev.warden.application.port.in.GetUserInfoUseCase;
import dev.warden.application.port.in.UserInfoResult;
import dev.warden.http.auth.AuthorizationHeader;
import dev.warden.http.auth.ClientAddresses;
import dev.warden.http.oauth.OAuthError;
import dev.warden.http.oauth.OAuthException;
import dev.warden.http.oauth.OAuthForm;
import dev.warden.http.oauth.OAuthResponses;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Driving adapter: {@code GET} and {@code POST /oidc/v1/userinfo} (OpenID Connect Core §5.3,
 * contract §7.4). The token comes only in {@code Authorization: Bearer} (security decision 1):
 * RFC 6750's form-body and query {@code access_token} are refused with {@code 400 invalid_request}.
 * Errors follow RFC 6750 §3 with a {@code Bearer} challenge: no token is {@code 401
 * invalid_request "access token missing"} (ZITADEL's words) without an error code in the
 * challenge; a refused token is {@code 401 invalid_token} (ZITADEL: {@code access_denied}); a
 * malformed header is {@code 401 invalid_request}, as on the management API. It is not behind the management API's
 * authentication handler: userinfo is about the token's own user, whatever its audience.
 */
public final class UserInfoEndpoint implements HttpService {

    private static final Logger LOG = Logger.getLogger(UserInfoEndpoint.class.getName());
    static final String CHALLENGE = "Bearer realm=\"warden\"";
    static final String ACCESS_TOKEN_PARAMETER = "access_token";
    /** No token at all: ZITADEL's status, code and words. */
    static final OAuthError MISSING = new OAuthError(401, "invalid_request", "access token missing");

    private final GetUserInfoUseCase userInfo;
    private final OAuthResponses responses;
    private final long maxBodyBytes;

    public UserInfoEndpoint(GetUserInfoUseCase userInfo, OAuthResponses responses, long maxBodyBytes) {
        this.userInfo = Objects.requireNonNull(userInfo, "userInfo");
        this.responses = Objects.requireNonNull(responses, "responses");
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(OAuthSettings.USERINFO_PATH, responses.handler(this::userInfo))
                .post(OAuthSettings.USERINFO_PATH, responses.handler(this::userInfo))
                .any(OAuthSettings.USERINFO_PATH, (req, res) -> {
                    res.header(HeaderNames.ALLOW, "GET, POST");
                    responses.error(res, new OAuthError(405, "invalid_request", "use GET or POST"));
                });
    }

    private void userInfo(ServerRequest request, ServerResponse response) {
        try {
            String token = bearerToken(request);
            UserInfoResult result = userInfo.getUserInfo(new GetUserInfoQuery(token, ClientAddresses.of(request)));
            if (result.claims().isEmpty()) {
                if (LOG.isLoggable(Level.FINE)) {
                    LOG.fine("Refused token at userinfo: " + result.reasonForLogs());
                }
                refuse(response, OAuthError.invalidToken("access token invalid"));
                return;
            }
            responses.ok(response, UserInfoClaims.of(result.claims().get()));
        } catch (OAuthException e) {
            refuse(response, e.error());
        }
    }

    /** The bearer token of the {@code Authorization} header, after refusing every other way of sending one. */
    private String bearerToken(ServerRequest request) {
        // RFC 6750 §2.2 and §2.3 allow these; security decision 1 keeps tokens out of bodies and URLs.
        if (request.query().contains(ACCESS_TOKEN_PARAMETER) || formHasAccessToken(request)) {
            throw new OAuthException(OAuthError.invalidRequest(
                    "the access token must be sent in the Authorization header"));
        }
        // Header lines as sent (Headers.values() would split one line at its commas).
        List<String> values = request.headers().find(HeaderNames.AUTHORIZATION).map(Header::allValues)
                .orElse(List.of());
        if (values.isEmpty()) {
            throw new OAuthException(MISSING);
        }
        if (values.size() > 1) {
            throw new OAuthException(malformed("more than one Authorization header"));
        }
        String value = values.getFirst();
        Optional<PresentedCredential> bearer = AuthorizationHeader.parse(value)
                .filter(c -> c.scheme().equalsIgnoreCase(CredentialSchemes.BEARER));
        if (bearer.isPresent()) {
            return bearer.get().value();
        }
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        if (scheme.equalsIgnoreCase(CredentialSchemes.BEARER)) {
            throw new OAuthException(malformed("malformed Authorization header"));
        }
        // Another scheme (Basic, …) carries no access token: as if none was sent (RFC 6750 §3.1).
        throw new OAuthException(MISSING);
    }

    private boolean formHasAccessToken(ServerRequest request) {
        if (request.prologue().method() != Method.POST) {
            return false;
        }
        String contentType = request.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        if (!contentType.split(";", 2)[0].strip().equalsIgnoreCase("application/x-www-form-urlencoded")) {
            return false;
        }
        return OAuthForm.read(request, maxBodyBytes).get(ACCESS_TOKEN_PARAMETER).isPresent();
    }

    /**
     * A malformed header is 401 like on the management API (security.md: malformed
     * {@code Authorization} headers are 401 with a challenge), not RFC 6750's suggested 400.
     */
    private static OAuthError malformed(String description) {
        return new OAuthError(401, "invalid_request", description);
    }

    /**
     * RFC 6750 §3: the challenge names the error, except when the request had no token at all
     * (§3.1: "SHOULD NOT include an error code").
     */
    private void refuse(ServerResponse response, OAuthError error) {
        responses.error(response, error, error.equals(MISSING) ? CHALLENGE
                : CHALLENGE + ", error=\"" + error.error() + "\"");
    }
}
