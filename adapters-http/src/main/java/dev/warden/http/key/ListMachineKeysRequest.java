package dev.warden.http.key;

import dev.warden.application.authz.Caller;
import dev.warden.application.port.in.ListMachineKeysQuery;
import dev.warden.http.json.ListQueryRequest;

/** Body of {@code POST /management/v1/users/{userId}/keys/_search}: paging only. */
public record ListMachineKeysRequest(ListQueryRequest query) {

    static final String NAME = "ListMachineKeysRequest";

    public ListMachineKeysQuery toQuery(Caller caller, String userId) {
        return new ListMachineKeysQuery(caller, userId, ListQueryRequest.toPageRequest(query, NAME));
    }
}
