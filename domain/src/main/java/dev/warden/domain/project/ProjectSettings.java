package dev.warden.domain.project;

import java.util.Objects;

/**
 * What a client sets on a project, all at once (add and update are full replacements): name
 * (1..200 characters, only "" is refused, as in ZITADEL) and the login flags.
 */
public record ProjectSettings(String name, boolean projectRoleAssertion, boolean projectRoleCheck,
                              boolean hasProjectCheck, PrivateLabelingSetting privateLabelingSetting) {

    public static final int MAX_NAME_LENGTH = 200;

    public ProjectSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(privateLabelingSetting, "privateLabelingSetting");
        if (name.isEmpty() || name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("project name must have 1 to " + MAX_NAME_LENGTH + " characters");
        }
    }
}
