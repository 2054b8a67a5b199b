package dev.warden.http.user;

import dev.warden.application.authz.Caller;
import dev.warden.domain.serviceuser.UserTransition;
import dev.warden.application.port.in.GetUserQuery;
import dev.warden.application.port.in.RemoveUserCommand;
import dev.warden.application.port.in.UserResult;
import dev.warden.domain.serviceuser.ServiceUser;
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
 * Driving adapter: the machine-user routes of the management API, under {@code /management/v1}.
 * Every route sits behind the authentication handler; permissions are the services' business.
 */
public final class UserEndpoint implements HttpService {

    private final UserUseCases users;
    private final JsonCodec json;

    public UserEndpoint(UserUseCases users, JsonCodec json) {
        this.users = Objects.requireNonNull(users, "users");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/users/machine", this::addMachineUser)
                .post("/users/_search", this::listUsers)
                .get("/users/{id}", this::getUser)
                .put("/users/{userId}/machine", this::updateMachine)
                .put("/users/{userId}/username", this::updateUserName)
                .post("/users/{id}/_deactivate", (req, res) -> changeState(req, res, UserTransition.DEACTIVATE))
                .post("/users/{id}/_reactivate", (req, res) -> changeState(req, res, UserTransition.REACTIVATE))
                .post("/users/{id}/_lock", (req, res) -> changeState(req, res, UserTransition.LOCK))
                .post("/users/{id}/_unlock", (req, res) -> changeState(req, res, UserTransition.UNLOCK))
                .delete("/users/{id}", this::removeUser);
    }

    private void addMachineUser(ServerRequest request, ServerResponse response) {
        AddMachineUserRequest body = json.read(request, AddMachineUserRequest.class, AddMachineUserRequest.NAME);
        UserResult result = users.addMachineUser().addMachineUser(body.toCommand(caller(request)));
        json.send(response, Status.OK_200, AddMachineUserResponse.from(result));
    }

    private void getUser(ServerRequest request, ServerResponse response) {
        UserResult result = users.getUser().getUser(new GetUserQuery(caller(request), param(request, "id")));
        json.send(response, Status.OK_200, GetUserResponse.from(result));
    }

    private void updateMachine(ServerRequest request, ServerResponse response) {
        UpdateMachineRequest body = json.read(request, UpdateMachineRequest.class, UpdateMachineRequest.NAME);
        UserResult result = users.updateMachineUser().updateMachineUser(
                body.toCommand(caller(request), param(request, "userId")));
        json.send(response, Status.OK_200, changed(result));
    }

    private void updateUserName(ServerRequest request, ServerResponse response) {
        UpdateUserNameRequest body = json.read(request, UpdateUserNameRequest.class, UpdateUserNameRequest.NAME);
        UserResult result = users.updateUserName().updateUserName(
                body.toCommand(caller(request), param(request, "userId")));
        json.send(response, Status.OK_200, changed(result));
    }

    private void listUsers(ServerRequest request, ServerResponse response) {
        ListUsersRequest body = json.read(request, ListUsersRequest.class, ListUsersRequest.NAME);
        json.send(response, Status.OK_200,
                ListUsersResponse.from(users.listUsers().listUsers(body.toQuery(caller(request)))));
    }

    private void changeState(ServerRequest request, ServerResponse response, UserTransition transition) {
        ChangeUserStateRequest body = json.read(request, ChangeUserStateRequest.class,
                ChangeUserStateRequest.name(transition));
        var details = users.changeUserState().changeUserState(
                body.toCommand(caller(request), param(request, "id"), transition));
        json.send(response, Status.OK_200, DetailsResponse.changed(details));
    }

    private void removeUser(ServerRequest request, ServerResponse response) {
        var details = users.removeUser().removeUser(new RemoveUserCommand(caller(request), param(request, "id")));
        json.send(response, Status.OK_200, DetailsResponse.changed(details));
    }

    private static DetailsResponse changed(UserResult result) {
        ServiceUser user = result.user();
        return DetailsResponse.changed(user.sequence(), user.changedAt(), user.orgId());
    }

    private static Caller caller(ServerRequest request) {
        return AuthenticationHandler.caller(request);
    }

    private static String param(ServerRequest request, String name) {
        return request.path().pathParameters().get(name);
    }
}
