package dev.warden.http.signing;

import dev.warden.domain.signing.SigningKeyInfo;
import dev.warden.http.json.Timestamps;

/**
 * One signing key for administrators: {@code state} is {@code ACTIVE} (it signs new tokens) or
 * {@code PUBLISHED} (it only verifies, until {@code publishedUntil}). Never key material.
 */
record SigningKeyResponse(String kid, String creationDate, String state, String publishedUntil) {

    static SigningKeyResponse from(SigningKeyInfo key) {
        return new SigningKeyResponse(key.kid(), Timestamps.format(key.createdAt()),
                key.active() ? "ACTIVE" : "PUBLISHED", key.publishedUntil().map(Timestamps::format).orElse(null));
    }
}
