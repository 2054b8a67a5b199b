package dev.warden.application.error;

/** A dependency is down or Warden sheds load; the client may retry later. */
public final class UnavailableException extends WardenException {
    public UnavailableException(String errorId, String text) {
        super(errorId, text);
    }
}
