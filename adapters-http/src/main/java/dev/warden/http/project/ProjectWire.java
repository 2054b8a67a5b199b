package dev.warden.http.project;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.application.authz.Caller;
import dev.warden.application.error.InvalidArgumentException;
import dev.warden.application.port.in.AddProjectCommand;
import dev.warden.application.port.in.BulkAddProjectRolesCommand;
import dev.warden.application.port.in.ListProjectRolesQuery;
import dev.warden.application.port.in.ListProjectsQuery;
import dev.warden.application.port.in.ProjectListResult;
import dev.warden.application.port.in.ProjectResult;
import dev.warden.application.port.in.ProjectRoleListResult;
import dev.warden.application.port.in.UpdateProjectCommand;
import dev.warden.application.project.ProjectLookup;
import dev.warden.domain.id.Ids;
import dev.warden.domain.project.PrivateLabelingSetting;
import dev.warden.domain.project.Project;
import dev.warden.domain.project.ProjectFilter;
import dev.warden.domain.project.ProjectRole;
import dev.warden.domain.project.ProjectSettings;
import dev.warden.domain.project.RoleFilter;
import dev.warden.http.json.ListDetailsResponse;
import dev.warden.http.json.ListQueryRequest;
import dev.warden.http.json.ObjectDetailsResponse;
import dev.warden.http.json.TextQueryMethods;
import dev.warden.http.json.WireValues;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** Wire records of the project and project-role routes (protojson: zero values omitted, int64 as strings). */
final class ProjectWire {

    static final List<String> STATES = List.of("PROJECT_STATE_UNSPECIFIED", "PROJECT_STATE_ACTIVE",
            "PROJECT_STATE_INACTIVE");
    static final List<String> LABELING = List.of("PRIVATE_LABELING_SETTING_UNSPECIFIED",
            "PRIVATE_LABELING_SETTING_ENFORCE_PROJECT_RESOURCE_OWNER_POLICY",
            "PRIVATE_LABELING_SETTING_ALLOW_LOGIN_USER_RESOURCE_OWNER_POLICY");
    static final int MAX_TEXT_LENGTH = 200;

    private ProjectWire() {
    }

    /** Body of add and update: every field applied (update is a full replacement). */
    record ProjectRequest(String name, Boolean projectRoleAssertion, Boolean projectRoleCheck,
                          Boolean hasProjectCheck, JsonNode privateLabelingSetting) {

        ProjectSettings toSettings(String requestName) {
            String valid = ProjectLookup.required(name, ProjectSettings.MAX_NAME_LENGTH, requestName + ".Name");
            int labeling = WireValues.enumIndex(privateLabelingSetting, LABELING, "PrivateLabelingSetting",
                    requestName);
            return new ProjectSettings(valid, Boolean.TRUE.equals(projectRoleAssertion),
                    Boolean.TRUE.equals(projectRoleCheck), Boolean.TRUE.equals(hasProjectCheck),
                    PrivateLabelingSetting.values()[labeling]);
        }

        AddProjectCommand toAddCommand(Caller caller) {
            return new AddProjectCommand(caller, toSettings("AddProjectRequest"));
        }

        UpdateProjectCommand toUpdateCommand(Caller caller, String projectId) {
            return new UpdateProjectCommand(caller, projectId, toSettings("UpdateProjectRequest"));
        }
    }

    record AddProjectResponse(String id, ObjectDetailsResponse details) {
        static AddProjectResponse from(ProjectResult result) {
            Project p = result.project();
            return new AddProjectResponse(Long.toString(p.id()),
                    ObjectDetailsResponse.created(p.sequence(), p.createdAt(), p.orgId()));
        }
    }

    /** {@code zitadel.project.v1.Project}; false flags and UNSPECIFIED are omitted. */
    record ProjectResponse(String id, ObjectDetailsResponse details, String name, String state,
                           Boolean projectRoleAssertion, Boolean projectRoleCheck, Boolean hasProjectCheck,
                           String privateLabelingSetting) {
        static ProjectResponse from(Project p) {
            ProjectSettings s = p.settings();
            return new ProjectResponse(Long.toString(p.id()),
                    ObjectDetailsResponse.view(p.sequence(), p.createdAt(), p.changedAt(), p.orgId()), s.name(),
                    STATES.get(p.state().ordinal() + 1), trueOrNull(s.projectRoleAssertion()),
                    trueOrNull(s.projectRoleCheck()), trueOrNull(s.hasProjectCheck()),
                    s.privateLabelingSetting() == PrivateLabelingSetting.UNSPECIFIED ? null
                            : LABELING.get(s.privateLabelingSetting().ordinal()));
        }
    }

    record GetProjectResponse(ProjectResponse project) {
        static GetProjectResponse from(ProjectResult result) {
            return new GetProjectResponse(ProjectResponse.from(result.project()));
        }
    }

    record ListProjectsRequest(ListQueryRequest query, List<ProjectQuery> queries) {
        static final String NAME = "ListProjectsRequest";

        ListProjectsQuery toQuery(Caller caller) {
            List<ProjectFilter> filters = new ArrayList<>();
            List<ProjectQuery> all = queries == null ? List.of() : queries;
            for (int i = 0; i < all.size(); i++) {
                String at = NAME + ".Queries[" + i + "]";
                ProjectQuery q = all.get(i);
                oneOf(at, q == null ? null : q.nameQuery(), q == null ? null : q.projectResourceOwnerQuery());
                if (q.nameQuery() != null) {
                    filters.add(new ProjectFilter.Name(text(q.nameQuery().name(), at + ".NameQuery.Name"),
                            TextQueryMethods.parse(q.nameQuery().method(), "Method", at + ".NameQuery")));
                } else {
                    // Ids are compared as text at ZITADEL: a malformed one matches nothing.
                    filters.add(new ProjectFilter.ResourceOwner(Ids.parse(q.projectResourceOwnerQuery()
                            .resourceOwner()).orElse(-1L)));
                }
            }
            return new ListProjectsQuery(caller, filters, ListQueryRequest.toPageRequest(query, NAME));
        }
    }

    record ProjectQuery(NameQuery nameQuery, ResourceOwnerQuery projectResourceOwnerQuery) {
    }

    record NameQuery(String name, JsonNode method) {
    }

    record ResourceOwnerQuery(String resourceOwner) {
    }

    record ListProjectsResponse(ListDetailsResponse details, List<ProjectResponse> result) {
        static ListProjectsResponse from(ProjectListResult list) {
            return new ListProjectsResponse(ListDetailsResponse.of(list.page(), list.viewedAt()),
                    list.page().items().stream().map(ProjectResponse::from).toList());
        }
    }

    record AddProjectRoleRequest(String roleKey, String displayName, String group) {
    }

    record BulkAddProjectRolesRequest(List<BulkRole> roles) {
        BulkAddProjectRolesCommand toCommand(Caller caller, String projectId) {
            List<BulkAddProjectRolesCommand.RoleCommand> items = roles == null ? List.of() : roles.stream()
                    .map(r -> r == null ? new BulkAddProjectRolesCommand.RoleCommand(null, null, null)
                            : new BulkAddProjectRolesCommand.RoleCommand(r.key(), r.displayName(), r.group()))
                    .toList();
            return new BulkAddProjectRolesCommand(caller, projectId, items);
        }
    }

    record BulkRole(String key, String displayName, String group) {
    }

    record UpdateProjectRoleRequest(String displayName, String group) {
    }

    record ListProjectRolesRequest(ListQueryRequest query, List<RoleQuery> queries) {
        static final String NAME = "ListProjectRolesRequest";

        ListProjectRolesQuery toQuery(Caller caller, String projectId) {
            List<RoleFilter> filters = new ArrayList<>();
            List<RoleQuery> all = queries == null ? List.of() : queries;
            for (int i = 0; i < all.size(); i++) {
                String at = NAME + ".Queries[" + i + "]";
                RoleQuery q = all.get(i);
                oneOf(at, q == null ? null : q.keyQuery(), q == null ? null : q.displayNameQuery());
                if (q.keyQuery() != null) {
                    filters.add(new RoleFilter.Key(text(q.keyQuery().key(), at + ".KeyQuery.Key"),
                            TextQueryMethods.parse(q.keyQuery().method(), "Method", at + ".KeyQuery")));
                } else {
                    filters.add(new RoleFilter.DisplayName(text(q.displayNameQuery().displayName(),
                            at + ".DisplayNameQuery.DisplayName"), TextQueryMethods.parse(
                            q.displayNameQuery().method(), "Method", at + ".DisplayNameQuery")));
                }
            }
            return new ListProjectRolesQuery(caller, projectId, filters, ListQueryRequest.toPageRequest(query, NAME));
        }
    }

    record RoleQuery(KeyQuery keyQuery, DisplayNameQuery displayNameQuery) {
    }

    record KeyQuery(String key, JsonNode method) {
    }

    record DisplayNameQuery(String displayName, JsonNode method) {
    }

    /** {@code zitadel.project.v1.Role}. */
    record RoleResponse(String key, ObjectDetailsResponse details, String displayName, String group) {
        static RoleResponse from(ProjectRole r) {
            return new RoleResponse(r.key(), ObjectDetailsResponse.view(r.sequence(), r.createdAt(), r.changedAt(),
                    r.orgId()), r.displayName(), r.group());
        }
    }

    record ListProjectRolesResponse(ListDetailsResponse details, List<RoleResponse> result) {
        static ListProjectRolesResponse from(ProjectRoleListResult list) {
            return new ListProjectRolesResponse(ListDetailsResponse.of(list.page(), list.viewedAt()),
                    list.page().items().stream().map(RoleResponse::from).toList());
        }
    }

    static Boolean trueOrNull(boolean value) {
        return value ? Boolean.TRUE : null;
    }

    /** Exactly one field of a oneof query must be set. */
    static void oneOf(String path, Object... fields) {
        long set = Stream.of(fields).filter(Objects::nonNull).count();
        if (set == 0) {
            throw new InvalidArgumentException(null, "invalid " + path + ": value is required");
        }
        if (set > 1) {
            throw new InvalidArgumentException(null, "invalid " + path + ": only one query of the oneof may be set");
        }
    }

    static String text(String value, String path) {
        String text = value == null ? "" : value;
        if (text.codePointCount(0, text.length()) > MAX_TEXT_LENGTH) {
            throw new InvalidArgumentException(null, "invalid " + path + ": value length must be at most "
                    + MAX_TEXT_LENGTH + " runes");
        }
        return text;
    }
}
