package dev.warden.http.project;

import dev.warden.application.authz.Caller;
import dev.warden.application.port.in.AddProjectRoleCommand;
import dev.warden.application.port.in.ChangeProjectStateCommand;
import dev.warden.application.port.in.GetProjectQuery;
import dev.warden.application.port.in.RemoveProjectCommand;
import dev.warden.application.port.in.RemoveProjectRoleCommand;
import dev.warden.application.port.in.UpdateProjectRoleCommand;
import dev.warden.domain.project.ProjectState;
import dev.warden.http.auth.AuthenticationHandler;
import dev.warden.http.json.DetailsResponse;
import dev.warden.http.json.JsonCodec;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Objects;

/**
 * Driving adapter: the project and project-role routes under {@code /management/v1}, behind the
 * authentication handler. A role key may contain {@code /} (ZITADEL's {@code {roleKey=**}}).
 */
public final class ProjectEndpoint implements HttpService {

    private final ProjectUseCases projects;
    private final JsonCodec json;

    public ProjectEndpoint(ProjectUseCases projects, JsonCodec json) {
        this.projects = Objects.requireNonNull(projects, "projects");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/projects", this::add)
                .post("/projects/_search", this::list)
                .get("/projects/{projectId}", this::get)
                .put("/projects/{projectId}", this::update)
                .post("/projects/{projectId}/_deactivate", (req, res) -> changeState(req, res, ProjectState.INACTIVE))
                .post("/projects/{projectId}/_reactivate", (req, res) -> changeState(req, res, ProjectState.ACTIVE))
                .delete("/projects/{projectId}", this::remove)
                .post("/projects/{projectId}/roles", this::addRole)
                .post("/projects/{projectId}/roles/_bulk", this::bulkAddRoles)
                .post("/projects/{projectId}/roles/_search", this::listRoles)
                .put("/projects/{projectId}/roles/{+roleKey}", this::updateRole)
                .delete("/projects/{projectId}/roles/{+roleKey}", this::removeRole);
    }

    private void add(ServerRequest request, ServerResponse response) {
        var body = json.read(request, ProjectWire.ProjectRequest.class, "AddProjectRequest");
        var result = projects.addProject().addProject(body.toAddCommand(caller(request)));
        json.send(response, Status.OK_200, ProjectWire.AddProjectResponse.from(result));
    }

    private void list(ServerRequest request, ServerResponse response) {
        var body = json.read(request, ProjectWire.ListProjectsRequest.class, ProjectWire.ListProjectsRequest.NAME);
        var result = projects.listProjects().listProjects(body.toQuery(caller(request)));
        json.send(response, Status.OK_200, ProjectWire.ListProjectsResponse.from(result));
    }

    private void get(ServerRequest request, ServerResponse response) {
        var result = projects.getProject().getProject(new GetProjectQuery(caller(request), param(request, "projectId")));
        json.send(response, Status.OK_200, ProjectWire.GetProjectResponse.from(result));
    }

    private void update(ServerRequest request, ServerResponse response) {
        var body = json.read(request, ProjectWire.ProjectRequest.class, "UpdateProjectRequest");
        var details = projects.updateProject().updateProject(body.toUpdateCommand(caller(request),
                param(request, "projectId")));
        json.send(response, Status.OK_200, DetailsResponse.changed(details));
    }

    private void changeState(ServerRequest request, ServerResponse response, ProjectState target) {
        json.read(request, Empty.class, target == ProjectState.ACTIVE ? "ReactivateProjectRequest"
                : "DeactivateProjectRequest");
        var details = projects.changeProjectState().changeProjectState(new ChangeProjectStateCommand(caller(request),
                param(request, "projectId"), target));
        json.send(response, Status.OK_200, DetailsResponse.changed(details));
    }

    private void remove(ServerRequest request, ServerResponse response) {
        var details = projects.removeProject().removeProject(new RemoveProjectCommand(caller(request),
                param(request, "projectId")));
        json.send(response, Status.OK_200, DetailsResponse.changed(details));
    }

    private void addRole(ServerRequest request, ServerResponse response) {
        var body = json.read(request, ProjectWire.AddProjectRoleRequest.class, "AddProjectRoleRequest");
        var details = projects.addProjectRole().addProjectRole(new AddProjectRoleCommand(caller(request),
                param(request, "projectId"), body.roleKey(), body.displayName(), body.group()));
        json.send(response, Status.OK_200, DetailsResponse.created(details));
    }

    private void bulkAddRoles(ServerRequest request, ServerResponse response) {
        var body = json.read(request, ProjectWire.BulkAddProjectRolesRequest.class, "BulkAddProjectRolesRequest");
        var details = projects.bulkAddProjectRoles().bulkAddProjectRoles(body.toCommand(caller(request),
                param(request, "projectId")));
        json.send(response, Status.OK_200, DetailsResponse.created(details));
    }

    private void listRoles(ServerRequest request, ServerResponse response) {
        var body = json.read(request, ProjectWire.ListProjectRolesRequest.class,
                ProjectWire.ListProjectRolesRequest.NAME);
        var result = projects.listProjectRoles().listProjectRoles(body.toQuery(caller(request),
                param(request, "projectId")));
        json.send(response, Status.OK_200, ProjectWire.ListProjectRolesResponse.from(result));
    }

    private void updateRole(ServerRequest request, ServerResponse response) {
        var body = json.read(request, ProjectWire.UpdateProjectRoleRequest.class, "UpdateProjectRoleRequest");
        var details = projects.updateProjectRole().updateProjectRole(new UpdateProjectRoleCommand(caller(request),
                param(request, "projectId"), param(request, "roleKey"), body.displayName(), body.group()));
        json.send(response, Status.OK_200, DetailsResponse.changed(details));
    }

    private void removeRole(ServerRequest request, ServerResponse response) {
        var details = projects.removeProjectRole().removeProjectRole(new RemoveProjectRoleCommand(caller(request),
                param(request, "projectId"), param(request, "roleKey")));
        json.send(response, Status.OK_200, DetailsResponse.changed(details));
    }

    /** A body that must be a JSON object but carries nothing. */
    record Empty() {
    }

    static Caller caller(ServerRequest request) {
        return AuthenticationHandler.caller(request);
    }

    static String param(ServerRequest request, String name) {
        return request.path().pathParameters().get(name);
    }
}
