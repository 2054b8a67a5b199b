package dev.warden.domain.query;

/**
 * ZITADEL's {@code ListQuery}: offset, limit (0 = no limit) and direction (default descending).
 */
public record PageRequest(long offset, int limit, boolean ascending) {

    public static final PageRequest ALL = new PageRequest(0, 0, true);

    public PageRequest {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
    }
}
