package dev.warden.application.port.in;

import dev.warden.domain.signing.SigningKeyInfo;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The published signing keys, active first, and when the list was read. */
public record SigningKeyListResult(List<SigningKeyInfo> keys, Instant processedAt) {
    public SigningKeyListResult {
        keys = List.copyOf(keys);
        Objects.requireNonNull(processedAt, "processedAt");
    }
}
