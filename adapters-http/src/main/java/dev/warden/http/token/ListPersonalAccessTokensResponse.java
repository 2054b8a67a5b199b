package dev.warden.http.token;

import dev.warden.application.port.in.PersonalAccessTokenListResult;
import dev.warden.http.json.ListDetailsResponse;

import java.util.List;

/** Answer of {@code POST /management/v1/users/{userId}/pats/_search}; an empty page has no {@code result} key. */
public record ListPersonalAccessTokensResponse(ListDetailsResponse details, List<PersonalAccessTokenResponse> result) {

    public static ListPersonalAccessTokensResponse from(PersonalAccessTokenListResult list) {
        return new ListPersonalAccessTokensResponse(ListDetailsResponse.of(list.page(), list.viewedAt()),
                list.page().items().stream().map(PersonalAccessTokenResponse::from).toList());
    }
}
