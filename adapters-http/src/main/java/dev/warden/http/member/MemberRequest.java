package dev.warden.http.member;

import java.util.List;

/** Body of adding or updating a member: {@code {"userId":"…","roles":["ORG_OWNER"]}} (userId from the path on update). */
public record MemberRequest(String userId, List<String> roles) {
}
