package dev.warden.application.port.in;

import java.time.Instant;
import java.util.Objects;

    /** ZITADEL's ObjectDetails of a write: the resource's sequence after it, when it happened, and its owning organization. */
    public record DetailsResult(long sequence, Instant at, long resourceOwner) {
        public DetailsResult {
            Objects.requireNonNull(at, "at");
        }
    }
