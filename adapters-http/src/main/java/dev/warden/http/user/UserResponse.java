package dev.warden.http.user;

import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.serviceuser.UserState;
import dev.warden.http.json.ObjectDetailsResponse;

import java.util.List;

/**
 * {@code zitadel.user.v1.User} of a machine user. Zero values are left out as protojson does:
 * an empty description, the BEARER token type, {@code hasSecret} of a user without a client secret.
 */
public record UserResponse(String id, ObjectDetailsResponse details, String state, String userName,
                           List<String> loginNames, String preferredLoginName, MachineResponse machine) {

    /** {@code zitadel.user.v1.Machine}; {@code hasSecret} is true or absent. */
    public record MachineResponse(String name, String description, Boolean hasSecret, String accessTokenType) {
    }

    public static UserResponse from(ServiceUser user, boolean hasSecret) {
        // Login names are the user name under ZITADEL's default domain policy (contract §2.2).
        return new UserResponse(Long.toString(user.id()),
                ObjectDetailsResponse.view(user.sequence(), user.createdAt(), user.changedAt(), user.orgId()),
                stateName(user.state()), user.userName(), List.of(user.userName()), user.userName(),
                new MachineResponse(user.displayName(), user.description(), hasSecret ? Boolean.TRUE : null,
                        AccessTokenTypes.name(user.accessTokenType())));
    }

    static String stateName(UserState state) {
        return switch (state) {
            case ACTIVE -> "USER_STATE_ACTIVE";
            case INACTIVE -> "USER_STATE_INACTIVE";
            case LOCKED -> "USER_STATE_LOCKED";
            case DELETED -> "USER_STATE_DELETED";
        };
    }
}
