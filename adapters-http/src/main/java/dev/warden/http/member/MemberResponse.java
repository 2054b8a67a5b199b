package dev.warden.http.member;

import dev.warden.domain.member.Member;
import dev.warden.domain.policy.Role;
import dev.warden.http.json.ObjectDetailsResponse;

import java.util.List;

/** {@code zitadel.member.v1.Member}; a service user's display name is its machine name. */
public record MemberResponse(String userId, ObjectDetailsResponse details, List<String> roles,
                             String preferredLoginName, String displayName, String userType,
                             String userResourceOwner) {

    public static MemberResponse from(Member member) {
        var m = member.membership();
        var user = member.user();
        return new MemberResponse(Long.toString(user.id()),
                ObjectDetailsResponse.view(m.sequence(), m.createdAt(), m.changedAt(), m.scopeId()),
                m.roles().stream().map(Role::name).toList(), user.userName(), user.displayName(), "TYPE_MACHINE",
                Long.toString(user.orgId()));
    }
}
