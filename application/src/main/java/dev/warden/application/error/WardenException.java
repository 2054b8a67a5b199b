package dev.warden.application.error;

/**
 * The one hierarchy of expected application failures. Each carries ZITADEL's error id (e.g.
 * {@code AUTHZ-cdgFk}) and message text; the HTTP adapter maps the kind to a status and code.
 */
public abstract sealed class WardenException extends RuntimeException
        permits NotFoundException, AlreadyExistsException, PermissionDeniedException,
        InvalidArgumentException, PreconditionFailedException, UnavailableException, ConflictException,
        TooManyAttemptsException {

    private final String errorId;

    protected WardenException(String errorId, String text) {
        super(text);
        this.errorId = errorId;
    }

    /** ZITADEL-style error id, e.g. {@code QUERY-Dfbg2}; null for request validation errors, which have none. */
    public String errorId() {
        return errorId;
    }

    /** The message text without the id. */
    public String text() {
        return getMessage();
    }

    // Expected failures are answers, not bugs: no stack trace to fill.
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
