package dev.warden.domain.token;

/** A credential was asked to expire at or before the time it is created. */
public final class ExpirationInPastException extends IllegalArgumentException {
    public ExpirationInPastException() {
        super("expiration date must be in the future");
    }
}
