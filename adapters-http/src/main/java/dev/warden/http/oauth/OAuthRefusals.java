package dev.warden.http.oauth;

import dev.warden.application.oauth.OAuthRefusal;

/** The OAuth error answer of an application's {@link OAuthRefusal}. */
final class OAuthRefusals {

    private OAuthRefusals() {
    }

    static OAuthException toException(OAuthRefusal refusal) {
        String description = refusal.description();
        return new OAuthException(switch (refusal.kind()) {
            case INVALID_REQUEST -> OAuthError.invalidRequest(description);
            case INVALID_CLIENT -> OAuthError.invalidClient(description);
            case INVALID_GRANT -> OAuthError.invalidGrant(description);
            case UNAUTHORIZED_CLIENT -> OAuthError.unauthorizedClient(description);
            case UNSUPPORTED_TOKEN_TYPE -> new OAuthError(400, "unsupported_token_type", description);
        });
    }
}
