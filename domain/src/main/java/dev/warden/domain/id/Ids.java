package dev.warden.domain.id;

import java.util.Optional;

/** Parsing of ids as clients send them: decimal strings of positive 64-bit numbers. */
public final class Ids {
    private Ids() {
    }

    /** The id in {@code text}, or empty when it is not a canonical positive decimal long. */
    public static Optional<Long> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 19 || text.charAt(0) == '0') {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException overflow) {
            return Optional.empty();
        }
    }
}
