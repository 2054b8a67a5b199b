package dev.warden.http.member;

import dev.warden.application.port.in.MemberRolesResult;
import dev.warden.domain.policy.Role;
import dev.warden.http.json.ListDetailsResponse;

import java.util.List;

/** Body answering a member-roles search: the grantable role names in configuration order. */
public record MemberRolesResponse(ListDetailsResponse details, List<String> result) {
    public static MemberRolesResponse from(MemberRolesResult result) {
        return new MemberRolesResponse(new ListDetailsResponse(Long.toString(result.roles().size()), null, null),
                result.roles().stream().map(Role::name).toList());
    }
}
