package dev.warden.http.token;

import dev.warden.application.authz.Caller;
import dev.warden.application.port.in.GetPersonalAccessTokenQuery;
import dev.warden.application.port.in.RemovePersonalAccessTokenCommand;
import dev.warden.http.user.UserUseCases;
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
 * Driving adapter: the personal access token routes of the management API, under
 * {@code /management/v1}. Nothing here logs: the one response with a token string goes straight
 * to the client.
 */
public final class PatEndpoint implements HttpService {

    private final UserUseCases users;
    private final JsonCodec json;

    public PatEndpoint(UserUseCases users, JsonCodec json) {
        this.users = Objects.requireNonNull(users, "users");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/users/{userId}/pats", this::add)
                .post("/users/{userId}/pats/_search", this::list)
                .get("/users/{userId}/pats/{tokenId}", this::get)
                .delete("/users/{userId}/pats/{tokenId}", this::remove);
    }

    private void add(ServerRequest request, ServerResponse response) {
        AddPersonalAccessTokenRequest body = json.read(request, AddPersonalAccessTokenRequest.class,
                AddPersonalAccessTokenRequest.NAME);
        var result = users.addPersonalAccessToken().addPersonalAccessToken(
                body.toCommand(caller(request), param(request, "userId")));
        json.send(response, Status.OK_200, AddPersonalAccessTokenResponse.from(result));
    }

    private void get(ServerRequest request, ServerResponse response) {
        var result = users.getPersonalAccessToken().getPersonalAccessToken(new GetPersonalAccessTokenQuery(
                caller(request), param(request, "userId"), param(request, "tokenId")));
        json.send(response, Status.OK_200, GetPersonalAccessTokenResponse.from(result));
    }

    private void list(ServerRequest request, ServerResponse response) {
        ListPersonalAccessTokensRequest body = json.read(request, ListPersonalAccessTokensRequest.class,
                ListPersonalAccessTokensRequest.NAME);
        var result = users.listPersonalAccessTokens().listPersonalAccessTokens(
                body.toQuery(caller(request), param(request, "userId")));
        json.send(response, Status.OK_200, ListPersonalAccessTokensResponse.from(result));
    }

    private void remove(ServerRequest request, ServerResponse response) {
        var details = users.removePersonalAccessToken().removePersonalAccessToken(new RemovePersonalAccessTokenCommand(
                caller(request), param(request, "userId"), param(request, "tokenId")));
        json.send(response, Status.OK_200, DetailsResponse.changed(details));
    }

    private static Caller caller(ServerRequest request) {
        return AuthenticationHandler.caller(request);
    }

    private static String param(ServerRequest request, String name) {
        return request.path().pathParameters().get(name);
    }
}
