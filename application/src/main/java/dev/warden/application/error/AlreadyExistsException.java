package dev.warden.application.error;

/** A unique resource already exists. */
public final class AlreadyExistsException extends WardenException {
    public AlreadyExistsException(String errorId, String text) {
        super(errorId, text);
    }
}
