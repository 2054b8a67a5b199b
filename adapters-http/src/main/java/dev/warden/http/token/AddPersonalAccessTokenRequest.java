package dev.warden.http.token;

import dev.warden.application.authz.Caller;
import dev.warden.application.port.in.AddPersonalAccessTokenCommand;
import dev.warden.http.json.WireValues;

/**
 * Body of {@code POST /management/v1/users/{userId}/pats}: an optional RFC 3339 expiration. Absent
 * means none (the service applies ZITADEL's default); one in the past is the service's to refuse.
 */
public record AddPersonalAccessTokenRequest(String expirationDate) {

    static final String NAME = "AddPersonalAccessTokenRequest";

    public AddPersonalAccessTokenCommand toCommand(Caller caller, String userId) {
        return new AddPersonalAccessTokenCommand(caller, userId,
                WireValues.timestamp(expirationDate, "ExpirationDate", NAME));
    }
}
