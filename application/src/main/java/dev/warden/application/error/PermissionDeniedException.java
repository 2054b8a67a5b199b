package dev.warden.application.error;

/** The caller is authenticated but may not do this. */
public final class PermissionDeniedException extends WardenException {
    public PermissionDeniedException(String errorId, String text) {
        super(errorId, text);
    }
}
