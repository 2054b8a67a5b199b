package dev.warden.application.error;

/** A request value is invalid. */
public final class InvalidArgumentException extends WardenException {
    public InvalidArgumentException(String errorId, String text) {
        super(errorId, text);
    }
}
