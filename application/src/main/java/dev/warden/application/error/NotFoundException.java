package dev.warden.application.error;

/** A resource does not exist, or is not visible in the current organization. */
public final class NotFoundException extends WardenException {
    public NotFoundException(String errorId, String text) {
        super(errorId, text);
    }
}
