package dev.warden.http.project;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.application.authz.Caller;
import dev.warden.application.error.InvalidArgumentException;
import dev.warden.application.port.in.ListUserGrantsQuery;
import dev.warden.application.port.in.UserGrantListResult;
import dev.warden.application.port.in.UserGrantResult;
import dev.warden.domain.grant.UserGrant;
import dev.warden.domain.grant.UserGrantFilter;
import dev.warden.domain.id.Ids;
import dev.warden.http.json.ListDetailsResponse;
import dev.warden.http.json.ListQueryRequest;
import dev.warden.http.json.ObjectDetailsResponse;
import dev.warden.http.json.TextQueryMethods;
import dev.warden.http.json.WireValues;

import java.util.ArrayList;
import java.util.List;

/** Wire records of the user-grant routes. */
final class UserGrantWire {

    static final List<String> STATES = List.of("USER_GRANT_STATE_UNSPECIFIED", "USER_GRANT_STATE_ACTIVE",
            "USER_GRANT_STATE_INACTIVE");
    private static final List<String> USER_TYPES = List.of("TYPE_UNSPECIFIED", "TYPE_HUMAN", "TYPE_MACHINE");

    private UserGrantWire() {
    }

    // A null in a list is refused while reading (400), as protojson refuses it; the commands never see one.
    record AddUserGrantRequest(String projectId, String projectGrantId,
                               @JsonSetter(contentNulls = Nulls.FAIL) List<String> roleKeys) {
    }

    record AddUserGrantResponse(String userGrantId, ObjectDetailsResponse details) {
    }

    record UpdateUserGrantRequest(@JsonSetter(contentNulls = Nulls.FAIL) List<String> roleKeys) {
    }

    record BulkRemoveUserGrantRequest(@JsonSetter(contentNulls = Nulls.FAIL) List<String> grantId) {
    }

    /** {@code zitadel.user.v1.UserGrant} of a service user: no human profile fields. */
    record UserGrantResponse(String id, ObjectDetailsResponse details, List<String> roleKeys, String state,
                             String userId, String userName, String orgId, String orgName, String orgDomain,
                             String projectId, String projectName, String preferredLoginName, String userType) {
        static UserGrantResponse from(UserGrantResult result) {
            UserGrant g = result.grant();
            return new UserGrantResponse(Long.toString(g.id()),
                    ObjectDetailsResponse.view(g.sequence(), g.createdAt(), g.changedAt(), g.orgId()), g.roleKeys(),
                    STATES.get(g.state().ordinal() + 1), Long.toString(g.userId()), result.userName(),
                    Long.toString(g.orgId()), result.orgName(), result.orgDomain(), Long.toString(g.projectId()),
                    result.projectName(), result.userName(), "TYPE_MACHINE");
        }
    }

    record GetUserGrantResponse(UserGrantResponse userGrant) {
    }

    record ListUserGrantsResponse(ListDetailsResponse details, List<UserGrantResponse> result) {
        static ListUserGrantsResponse from(UserGrantListResult list) {
            return new ListUserGrantsResponse(ListDetailsResponse.of(list.page(), list.viewedAt()),
                    list.page().items().stream().map(UserGrantResponse::from).toList());
        }
    }

    record TextQuery(String userName, String roleKey, String projectName, String firstName, String lastName,
                     String email, String displayName, String orgName, String orgDomain, JsonNode method) {
    }

    record ProjectIdQuery(String projectId) {
    }

    record UserIdQuery(String userId) {
    }

    record WithGrantedQuery(Boolean withGranted) {
    }

    record ProjectGrantIdQuery(String projectGrantId) {
    }

    record UserTypeQuery(JsonNode type) {
    }

    /** {@code zitadel.user.v1.UserGrantQuery}: a oneof. */
    record UserGrantQuery(ProjectIdQuery projectIdQuery, UserIdQuery userIdQuery, WithGrantedQuery withGrantedQuery,
                          TextQuery roleKeyQuery, ProjectGrantIdQuery projectGrantIdQuery, TextQuery userNameQuery,
                          TextQuery firstNameQuery, TextQuery lastNameQuery, TextQuery emailQuery,
                          TextQuery orgNameQuery, TextQuery orgDomainQuery, TextQuery projectNameQuery,
                          TextQuery displayNameQuery, UserTypeQuery userTypeQuery) {
    }

    record ListUserGrantRequest(ListQueryRequest query, List<UserGrantQuery> queries) {
        static final String NAME = "ListUserGrantRequest";

        ListUserGrantsQuery toQuery(Caller caller) {
            List<UserGrantFilter> filters = new ArrayList<>();
            List<UserGrantQuery> all = queries == null ? List.of() : queries;
            for (int i = 0; i < all.size(); i++) {
                String at = NAME + ".Queries[" + i + "]";
                UserGrantQuery q = all.get(i);
                if (q == null) {
                    ProjectWire.oneOf(at);
                }
                ProjectWire.oneOf(at, q.projectIdQuery(), q.userIdQuery(), q.withGrantedQuery(), q.roleKeyQuery(),
                        q.projectGrantIdQuery(), q.userNameQuery(), q.firstNameQuery(), q.lastNameQuery(),
                        q.emailQuery(), q.orgNameQuery(), q.orgDomainQuery(), q.projectNameQuery(),
                        q.displayNameQuery(), q.userTypeQuery());
                filter(q, at).ifPresent(filters::add);
            }
            return new ListUserGrantsQuery(caller, filters, ListQueryRequest.toPageRequest(query, NAME));
        }

        private static java.util.Optional<UserGrantFilter> filter(UserGrantQuery q, String at) {
            UserGrantFilter f;
            if (q.projectIdQuery() != null) {
                f = Ids.parse(q.projectIdQuery().projectId()).<UserGrantFilter>map(UserGrantFilter.ProjectId::new)
                        .orElse(new UserGrantFilter.Nothing());
            } else if (q.userIdQuery() != null) {
                f = Ids.parse(q.userIdQuery().userId()).<UserGrantFilter>map(UserGrantFilter.UserId::new)
                        .orElse(new UserGrantFilter.Nothing());
            } else if (q.withGrantedQuery() != null) {
                // Warden has no project grants: grants of granted projects do not exist to include.
                return java.util.Optional.empty();
            } else if (q.roleKeyQuery() != null) {
                f = new UserGrantFilter.RoleKey(ProjectWire.text(q.roleKeyQuery().roleKey(), at + ".RoleKeyQuery.RoleKey"),
                        TextQueryMethods.parse(q.roleKeyQuery().method(), "Method", at + ".RoleKeyQuery"));
            } else if (q.userNameQuery() != null) {
                f = new UserGrantFilter.UserName(ProjectWire.text(q.userNameQuery().userName(),
                        at + ".UserNameQuery.UserName"),
                        TextQueryMethods.parse(q.userNameQuery().method(), "Method", at + ".UserNameQuery"));
            } else if (q.projectNameQuery() != null) {
                f = new UserGrantFilter.ProjectName(ProjectWire.text(q.projectNameQuery().projectName(),
                        at + ".ProjectNameQuery.ProjectName"),
                        TextQueryMethods.parse(q.projectNameQuery().method(), "Method", at + ".ProjectNameQuery"));
            } else if (q.userTypeQuery() != null) {
                int type = WireValues.enumIndex(q.userTypeQuery().type(), USER_TYPES, "Type", at + ".UserTypeQuery");
                if (type == 2) {
                    return java.util.Optional.empty();
                }
                f = new UserGrantFilter.Nothing();
            } else if (q.orgNameQuery() != null || q.orgDomainQuery() != null) {
                throw new InvalidArgumentException(null, "invalid " + at + ": orgNameQuery and orgDomainQuery are not "
                        + "supported by Warden");
            } else {
                // First/last name, email, display name: human profile fields; project grants: none in Warden.
                f = new UserGrantFilter.Nothing();
            }
            return java.util.Optional.of(f);
        }
    }
}
