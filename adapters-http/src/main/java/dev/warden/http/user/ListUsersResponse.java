package dev.warden.http.user;

import dev.warden.application.port.in.UserListResult;
import dev.warden.http.json.ListDetailsResponse;

import java.util.List;

/** Answer of {@code POST /management/v1/users/_search}; an empty page has no {@code result} key. */
public record ListUsersResponse(ListDetailsResponse details, List<UserResponse> result) {

    public static ListUsersResponse from(UserListResult list) {
        return new ListUsersResponse(ListDetailsResponse.of(list.page(), list.viewedAt()),
                list.page().items().stream().map(user -> UserResponse.from(user, list.hasSecret(user))).toList());
    }
}
