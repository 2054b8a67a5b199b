package dev.warden.http.json;

/** A request body larger than the configured limit; answered 413 without reading the body. */
public final class PayloadTooLargeException extends RuntimeException {
    public PayloadTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
