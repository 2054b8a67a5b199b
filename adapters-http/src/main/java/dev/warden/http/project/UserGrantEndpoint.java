package dev.warden.http.project;

import dev.warden.application.port.in.AddUserGrantCommand;
import dev.warden.application.port.in.BulkRemoveUserGrantsCommand;
import dev.warden.application.port.in.ChangeUserGrantStateCommand;
import dev.warden.application.port.in.GetUserGrantQuery;
import dev.warden.application.port.in.RemoveUserGrantCommand;
import dev.warden.application.port.in.UpdateUserGrantCommand;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.domain.grant.UserGrantState;
import dev.warden.http.json.DetailsResponse;
import dev.warden.http.json.JsonCodec;
import dev.warden.http.json.ObjectDetailsResponse;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Map;
import java.util.Objects;

import static dev.warden.http.project.ProjectEndpoint.caller;
import static dev.warden.http.project.ProjectEndpoint.param;

/**
 * Driving adapter: the user-grant routes under {@code /management/v1}. As in ZITADEL the path's
 * user id is used only by add; get, update and remove find the grant by its id alone.
 */
public final class UserGrantEndpoint implements HttpService {

    private static final String GRANT = "/users/{userId}/grants/{grantId}";

    private final ProjectUseCases projects;
    private final JsonCodec json;

    public UserGrantEndpoint(ProjectUseCases projects, JsonCodec json) {
        this.projects = Objects.requireNonNull(projects, "projects");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/users/grants/_search", this::list)
                .post("/users/{userId}/grants", this::add)
                .get(GRANT, this::get)
                .put(GRANT, this::update)
                .post(GRANT + "/_deactivate", (req, res) -> changeState(req, res, UserGrantState.INACTIVE))
                .post(GRANT + "/_reactivate", (req, res) -> changeState(req, res, UserGrantState.ACTIVE))
                .delete(GRANT, this::remove)
                .delete("/user_grants/_bulk", this::bulkRemove);
    }

    private void add(ServerRequest request, ServerResponse response) {
        var body = json.read(request, UserGrantWire.AddUserGrantRequest.class, "AddUserGrantRequest");
        if (body.projectGrantId() != null && !body.projectGrantId().isEmpty()) {
            // Warden has no project grants, so none can be named.
            throw new PreconditionFailedException("COMMAND-4m9ff", "Grant not found");
        }
        var result = projects.addUserGrant().addUserGrant(new AddUserGrantCommand(caller(request),
                param(request, "userId"), body.projectId(), body.roleKeys()));
        var g = result.grant();
        json.send(response, Status.OK_200, new UserGrantWire.AddUserGrantResponse(Long.toString(g.id()),
                ObjectDetailsResponse.created(g.sequence(), g.createdAt(), g.orgId())));
    }

    private void list(ServerRequest request, ServerResponse response) {
        var body = json.read(request, UserGrantWire.ListUserGrantRequest.class,
                UserGrantWire.ListUserGrantRequest.NAME);
        var result = projects.listUserGrants().listUserGrants(body.toQuery(caller(request)));
        json.send(response, Status.OK_200, UserGrantWire.ListUserGrantsResponse.from(result));
    }

    private void get(ServerRequest request, ServerResponse response) {
        var result = projects.getUserGrant().getUserGrant(new GetUserGrantQuery(caller(request),
                param(request, "grantId")));
        json.send(response, Status.OK_200,
                new UserGrantWire.GetUserGrantResponse(UserGrantWire.UserGrantResponse.from(result)));
    }

    private void update(ServerRequest request, ServerResponse response) {
        var body = json.read(request, UserGrantWire.UpdateUserGrantRequest.class, "UpdateUserGrantRequest");
        var details = projects.updateUserGrant().updateUserGrant(new UpdateUserGrantCommand(caller(request),
                param(request, "grantId"), body.roleKeys()));
        json.send(response, Status.OK_200, DetailsResponse.changed(details));
    }

    private void changeState(ServerRequest request, ServerResponse response, UserGrantState target) {
        json.read(request, ProjectEndpoint.Empty.class, target == UserGrantState.ACTIVE ? "ReactivateUserGrantRequest"
                : "DeactivateUserGrantRequest");
        var details = projects.changeUserGrantState().changeUserGrantState(new ChangeUserGrantStateCommand(
                caller(request), param(request, "grantId"), target));
        json.send(response, Status.OK_200, DetailsResponse.changed(details));
    }

    private void remove(ServerRequest request, ServerResponse response) {
        var details = projects.removeUserGrant().removeUserGrant(new RemoveUserGrantCommand(caller(request),
                param(request, "grantId")));
        json.send(response, Status.OK_200, DetailsResponse.changed(details));
    }

    private void bulkRemove(ServerRequest request, ServerResponse response) {
        var body = json.read(request, UserGrantWire.BulkRemoveUserGrantRequest.class, "BulkRemoveUserGrantRequest");
        projects.bulkRemoveUserGrants().bulkRemoveUserGrants(new BulkRemoveUserGrantsCommand(caller(request),
                body.grantId()));
        // ZITADEL's BulkRemoveUserGrantResponse has no fields.
        json.send(response, Status.OK_200, Map.of());
    }
}
