package dev.warden.http.member;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import java.util.List;

/**
 * Body of adding or updating a member: {@code {"userId":"…","roles":["ORG_OWNER"]}} (userId from
 * the path on update). A null role is refused while reading (400), as protojson refuses it.
 */
public record MemberRequest(String userId, @JsonSetter(contentNulls = Nulls.FAIL) List<String> roles) {
}
