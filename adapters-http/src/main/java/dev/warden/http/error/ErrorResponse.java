package dev.warden.http.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** The body of every management API error: protojson of {@code google.rpc.Status}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorResponse(int code, String message, List<Detail> details) {

    /** {@code zitadel.v1.ErrorDetail}. */
    public record Detail(@JsonProperty("@type") String type, String id, String message) {
        static final String TYPE = "type.googleapis.com/zitadel.v1.ErrorDetail";
    }

    /** An error raised by Warden itself: message {@code "<text> (<id>)"} and one detail. */
    public static ErrorResponse of(int code, String errorId, String text) {
        return new ErrorResponse(code, text + " (" + errorId + ")",
                List.of(new Detail(Detail.TYPE, errorId, text)));
    }

    /** An error without a Warden id (transport-level, as ZITADEL's gateway writes them). */
    public static ErrorResponse plain(int code, String message) {
        return new ErrorResponse(code, message, List.of());
    }
}
