package dev.warden.http.signing;

import dev.warden.application.port.in.SigningKeyResult;

/** The new active key after a rotation. */
record RotateSigningKeyResponse(SigningKeyResponse key) {

    static RotateSigningKeyResponse from(SigningKeyResult result) {
        return new RotateSigningKeyResponse(SigningKeyResponse.from(result.key()));
    }
}
