package dev.warden.http.token;

import dev.warden.application.authz.Caller;
import dev.warden.application.port.in.ListPersonalAccessTokensQuery;
import dev.warden.http.json.ListQueryRequest;

/** Body of {@code POST /management/v1/users/{userId}/pats/_search}: paging only. */
public record ListPersonalAccessTokensRequest(ListQueryRequest query) {

    static final String NAME = "ListPersonalAccessTokensRequest";

    public ListPersonalAccessTokensQuery toQuery(Caller caller, String userId) {
        return new ListPersonalAccessTokensQuery(caller, userId, ListQueryRequest.toPageRequest(query, NAME));
    }
}
