package dev.warden.http.user;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.application.authz.Caller;
import dev.warden.application.port.in.ListUsersQuery;
import dev.warden.domain.serviceuser.UserSort;
import dev.warden.http.json.ListQueryRequest;
import dev.warden.http.json.WireValues;

import java.util.List;

/** Body of {@code POST /management/v1/users/_search}: paging, a sort column and ANDed search queries. */
public record ListUsersRequest(ListQueryRequest query, JsonNode sortingColumn, List<UserSearchQueryRequest> queries) {

    static final String NAME = "ListUsersRequest";

    private static final List<String> SORTING_COLUMNS = List.of("USER_FIELD_NAME_UNSPECIFIED",
            "USER_FIELD_NAME_USER_NAME", "USER_FIELD_NAME_FIRST_NAME", "USER_FIELD_NAME_LAST_NAME",
            "USER_FIELD_NAME_NICK_NAME", "USER_FIELD_NAME_DISPLAY_NAME", "USER_FIELD_NAME_EMAIL",
            "USER_FIELD_NAME_STATE", "USER_FIELD_NAME_TYPE", "USER_FIELD_NAME_CREATION_DATE");

    public ListUsersQuery toQuery(Caller caller) {
        return new ListUsersQuery(caller, UserSearchQueryRequest.allOf(queries, NAME + ".Queries"),
                sort(WireValues.enumIndex(sortingColumn, SORTING_COLUMNS, "SortingColumn", NAME)),
                ListQueryRequest.toPageRequest(query, NAME));
    }

    private static UserSort sort(int column) {
        return switch (SORTING_COLUMNS.get(column)) {
            case "USER_FIELD_NAME_USER_NAME" -> UserSort.USER_NAME;
            // ZITADEL's display name column; for a service user that is its name.
            case "USER_FIELD_NAME_DISPLAY_NAME" -> UserSort.DISPLAY_NAME;
            case "USER_FIELD_NAME_STATE" -> UserSort.STATE;
            case "USER_FIELD_NAME_CREATION_DATE" -> UserSort.CREATION_DATE;
            // UNSPECIFIED sorts by id at ZITADEL. First, last and nick name and email are human-only
            // and the type is MACHINE for every row, so all service users tie on those columns:
            // sorting by id is the deterministic order of a column where everything ties.
            default -> UserSort.ID;
        };
    }
}
