package dev.warden.application.serviceuser;

import dev.warden.application.error.AlreadyExistsException;
import dev.warden.application.error.InvalidArgumentException;
import dev.warden.domain.serviceuser.ServiceUser;

/**
 * Request validation of the service-user fields, with protoc-gen-validate's wording (contract §2.1);
 * such errors carry no ZITADEL error id.
 */
public final class UserFields {

    private UserFields() {
    }

    /** The trimmed user name: 1..200 characters, no control characters. */
    public static String userName(String raw, String requestType) {
        String userName = text(raw, requestType, "UserName");
        if (userName.codePoints().anyMatch(Character::isISOControl)) {
            throw invalid(requestType, "UserName", "value must not contain control characters");
        }
        return userName;
    }

    /** The trimmed display name: 1..200 characters. */
    public static String name(String raw, String requestType) {
        return text(raw, requestType, "Name");
    }

    /** The description, empty when absent: at most 500 characters. */
    public static String description(String raw, String requestType) {
        String description = raw == null ? "" : raw;
        if (description.codePointCount(0, description.length()) > ServiceUser.MAX_DESCRIPTION_LENGTH) {
            throw invalid(requestType, "Description",
                    "value length must be at most " + ServiceUser.MAX_DESCRIPTION_LENGTH + " runes");
        }
        return description;
    }

    /** ZITADEL's answer to a user name that another user of the instance has (contract §2.1). */
    public static AlreadyExistsException userNameTaken() {
        return new AlreadyExistsException("V3-DKcYh", "User already exists");
    }

    public static InvalidArgumentException invalid(String requestType, String field, String rule) {
        return new InvalidArgumentException(null, "invalid " + requestType + "." + field + ": " + rule);
    }

    private static String text(String raw, String requestType, String field) {
        String value = raw == null ? "" : raw;
        int rawLength = value.codePointCount(0, value.length());
        if (rawLength < 1 || rawLength > ServiceUser.MAX_NAME_LENGTH) {
            throw invalid(requestType, field,
                    "value length must be between 1 and " + ServiceUser.MAX_NAME_LENGTH + " runes, inclusive");
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            // Passes the gateway's length check, fails ZITADEL's own: "Userdata is invalid" (contract §2.1).
            throw new InvalidArgumentException("UserName".equals(field) ? "COMMAND-bm9Ds" : "COMMAND-bs9Ds",
                    "Userdata is invalid");
        }
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length > ServiceUser.MAX_NAME_LENGTH) {
            throw invalid(requestType, field,
                    "value length must be between 1 and " + ServiceUser.MAX_NAME_LENGTH + " runes, inclusive");
        }
        return trimmed;
    }
}
