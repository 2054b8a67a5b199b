package dev.warden.application.error;

/**
 * A concurrent change of the same resource won, and the request, applied again to the new state,
 * met another one (ZITADEL's ABORTED). The client may read the resource again and retry.
 */
public final class ConflictException extends WardenException {
    public ConflictException(String errorId, String text) {
        super(errorId, text);
    }
}
