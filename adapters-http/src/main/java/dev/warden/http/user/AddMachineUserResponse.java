package dev.warden.http.user;

import dev.warden.application.port.in.UserResult;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.http.json.ObjectDetailsResponse;

/**
 * Answer of {@code POST /management/v1/users/machine}. ZITADEL fills {@code changeDate}, not
 * {@code creationDate}, here (contract §2.1), and so does Warden.
 */
public record AddMachineUserResponse(String userId, ObjectDetailsResponse details) {

    public static AddMachineUserResponse from(UserResult result) {
        ServiceUser user = result.user();
        return new AddMachineUserResponse(Long.toString(user.id()),
                ObjectDetailsResponse.changed(user.sequence(), user.changedAt(), user.orgId()));
    }
}
