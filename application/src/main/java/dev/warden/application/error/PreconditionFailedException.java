package dev.warden.application.error;

/** The request is valid but the state of a resource does not allow it. */
public final class PreconditionFailedException extends WardenException {
    public PreconditionFailedException(String errorId, String text) {
        super(errorId, text);
    }
}
