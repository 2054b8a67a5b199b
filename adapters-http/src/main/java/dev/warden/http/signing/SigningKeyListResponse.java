package dev.warden.http.signing;

import dev.warden.application.port.in.SigningKeyListResult;
import dev.warden.http.json.Timestamps;

import java.util.List;

/** The published signing keys, active first. */
record SigningKeyListResponse(List<SigningKeyResponse> result, String viewTimestamp) {

    static SigningKeyListResponse from(SigningKeyListResult list) {
        return new SigningKeyListResponse(list.keys().stream().map(SigningKeyResponse::from).toList(),
                Timestamps.format(list.processedAt()));
    }
}
