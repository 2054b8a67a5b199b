package dev.warden.http.json;

import java.time.Instant;

/** ZITADEL's {@code ObjectDetails}: sequence (int64 as string), dates and resource owner. */
public record ObjectDetailsResponse(String sequence, String creationDate, String changeDate, String resourceOwner) {

    /** The form of a create: only the creation date. */
    public static ObjectDetailsResponse created(long sequence, Instant at, long resourceOwner) {
        return new ObjectDetailsResponse(sequence(sequence), Timestamps.format(at), null, Long.toString(resourceOwner));
    }

    /** The form of a change: only the change date. */
    public static ObjectDetailsResponse changed(long sequence, Instant at, long resourceOwner) {
        return new ObjectDetailsResponse(sequence(sequence), null, Timestamps.format(at), Long.toString(resourceOwner));
    }

    private static String sequence(long sequence) {
        return sequence == 0 ? null : Long.toString(sequence);
    }

    /** The read form: both dates filled. */
    public static ObjectDetailsResponse view(long sequence, Instant created, Instant changed, long resourceOwner) {
        return new ObjectDetailsResponse(Long.toString(sequence), Timestamps.format(created),
                Timestamps.format(changed), Long.toString(resourceOwner));
    }
}
