package dev.warden.http.member;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.application.error.InvalidArgumentException;
import dev.warden.domain.id.Ids;
import dev.warden.domain.member.MemberFilter;
import dev.warden.domain.query.PageRequest;
import dev.warden.http.json.ListQueryRequest;

import java.util.List;

/**
 * Body of the member searches: {@code {"query":{…},"queries":[{"userIdQuery":{"userId":"…"}}]}}.
 * First name, last name and email queries match no service user.
 */
public record ListMembersRequest(ListQueryRequest query, List<JsonNode> queries) {

    private static final List<String> HUMAN_ONLY = List.of("firstNameQuery", "lastNameQuery", "emailQuery");

    PageRequest page(String requestName) {
        return ListQueryRequest.toPageRequest(query, requestName);
    }

    /** The queries ANDed into one filter. */
    MemberFilter filter(String requestName) {
        MemberFilter filter = new MemberFilter.All();
        List<JsonNode> all = queries == null ? List.of() : queries;
        for (int i = 0; i < all.size(); i++) {
            JsonNode q = all.get(i);
            MemberFilter next;
            if (q != null && q.has("userIdQuery")) {
                String id = q.get("userIdQuery").path("userId").asText("");
                next = Ids.parse(id).<MemberFilter>map(MemberFilter.UserId::new).orElse(new MemberFilter.Nothing());
            } else if (q != null && HUMAN_ONLY.stream().anyMatch(q::has)) {
                next = new MemberFilter.Nothing();
            } else {
                throw new InvalidArgumentException(null, "invalid " + requestName + ".Queries[" + i
                        + "]: value is required");
            }
            filter = and(filter, next);
        }
        return filter;
    }

    private static MemberFilter and(MemberFilter a, MemberFilter b) {
        if (a instanceof MemberFilter.All) {
            return b;
        }
        if (a instanceof MemberFilter.Nothing || b instanceof MemberFilter.Nothing || !a.equals(b)) {
            return b instanceof MemberFilter.All ? a : new MemberFilter.Nothing();
        }
        return a;
    }
}
