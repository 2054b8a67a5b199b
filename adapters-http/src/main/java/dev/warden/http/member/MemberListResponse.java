package dev.warden.http.member;

import dev.warden.application.port.in.MemberListResult;
import dev.warden.http.json.ListDetailsResponse;

import java.util.List;

/** Body answering a member search. */
public record MemberListResponse(ListDetailsResponse details, List<MemberResponse> result) {
    public static MemberListResponse from(MemberListResult result) {
        return new MemberListResponse(ListDetailsResponse.of(result.page(), result.viewedAt()),
                result.page().items().stream().map(MemberResponse::from).toList());
    }
}
