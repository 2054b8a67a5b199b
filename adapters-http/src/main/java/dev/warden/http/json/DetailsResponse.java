package dev.warden.http.json;

import dev.warden.application.port.in.DetailsResult;

import java.time.Instant;

/** The body of most writes: {@code {"details":{…}}}. */
public record DetailsResponse(ObjectDetailsResponse details) {

    public static DetailsResponse changed(DetailsResult result) {
        return changed(result.sequence(), result.at(), result.resourceOwner());
    }

    public static DetailsResponse changed(long sequence, Instant at, long resourceOwner) {
        return new DetailsResponse(ObjectDetailsResponse.changed(sequence, at, resourceOwner));
    }

    public static DetailsResponse created(DetailsResult result) {
        return new DetailsResponse(ObjectDetailsResponse.created(result.sequence(), result.at(), result.resourceOwner()));
    }
}
