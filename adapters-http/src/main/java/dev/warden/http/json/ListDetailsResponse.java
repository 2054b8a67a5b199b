package dev.warden.http.json;

import dev.warden.domain.query.Page;

import java.time.Instant;

/** ZITADEL's {@code ListDetails}: total matches (int64 as string, omitted when 0) and the view time. */
public record ListDetailsResponse(String totalResult, String processedSequence, String viewTimestamp) {

    public static ListDetailsResponse of(Page<?> page, Instant viewedAt) {
        return new ListDetailsResponse(page.total() == 0 ? null : Long.toString(page.total()), null,
                Timestamps.format(viewedAt));
    }
}
