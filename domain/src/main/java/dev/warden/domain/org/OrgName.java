package dev.warden.domain.org;

import java.text.Normalizer;
import java.util.Locale;

/** Rules for organization names and the domain derived from them. */
public final class OrgName {

    private static final int MAX_LABEL_LENGTH = 63;
    private OrgName() {
    }

    /** The trimmed name, or an exception when it is empty or longer than 200 characters. */
    public static String validate(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("organization name must not be empty");
        }
        String trimmed = name.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > Organization.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("organization name must be at most 200 characters");
        }
        return trimmed;
    }

    /**
     * ZITADEL's org domain: the name lower-cased, spaces turned into dashes, every other character
     * outside {@code [a-z0-9-]} dropped, followed by the instance domain.
     */
    public static String domainOf(String name, String instanceDomain) {
        String ascii = Normalizer.normalize(validate(name), Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder label = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            if (c == ' ') {
                label.append('-');
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
                label.append(c);
            }
        }
        String slug = label.toString().replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
        if (slug.length() > MAX_LABEL_LENGTH) {
            // A DNS label holds at most 63 characters.
            slug = slug.substring(0, MAX_LABEL_LENGTH).replaceAll("-$", "");
        }
        if (slug.isEmpty()) {
            slug = "org";
        }
        return slug + "." + instanceDomain;
    }
}
