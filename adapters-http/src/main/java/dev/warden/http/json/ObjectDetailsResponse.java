package dev.warden.http.json;

import java.time.Instant;

/** ZITADEL's {@code ObjectDetails}: sequence (int64 as string), dates and resource owner. */
public record ObjectDetailsResponse(String sequence, String creationDate, String changeDate, String resourceOwner) {

    /** The read form: both dates filled. */
    public static ObjectDetailsResponse view(long sequence, Instant created, Instant changed, long resourceOwner) {
        return new ObjectDetailsResponse(Long.toString(sequence), Timestamps.format(created),
                Timestamps.format(changed), Long.toString(resourceOwner));
    }
}
