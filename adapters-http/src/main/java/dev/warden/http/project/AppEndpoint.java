package dev.warden.http.project;

import dev.warden.application.port.in.AddApiAppCommand;
import dev.warden.application.port.in.ChangeAppStateCommand;
import dev.warden.application.port.in.GetAppKeyQuery;
import dev.warden.application.port.in.GetAppQuery;
import dev.warden.application.port.in.RegenerateApiClientSecretCommand;
import dev.warden.application.port.in.RemoveAppCommand;
import dev.warden.application.port.in.RemoveAppKeyCommand;
import dev.warden.application.port.in.UpdateApiAppConfigCommand;
import dev.warden.application.port.in.UpdateAppCommand;
import dev.warden.domain.app.AppState;
import dev.warden.http.json.DetailsResponse;
import dev.warden.http.json.JsonCodec;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Objects;

import static dev.warden.http.project.ProjectEndpoint.caller;
import static dev.warden.http.project.ProjectEndpoint.param;

/**
 * Driving adapter: the API-application and application-key routes under {@code /management/v1}.
 * Nothing here logs: the answers with a client secret or a private key go straight to the client.
 */
public final class AppEndpoint implements HttpService {

    private static final String APP = "/projects/{projectId}/apps/{appId}";

    private final ProjectUseCases projects;
    private final JsonCodec json;

    public AppEndpoint(ProjectUseCases projects, JsonCodec json) {
        this.projects = Objects.requireNonNull(projects, "projects");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/projects/{projectId}/apps/api", this::add)
                .post("/projects/{projectId}/apps/_search", this::list)
                .get(APP, this::get)
                .put(APP, this::update)
                .put(APP + "/api_config", this::updateConfig)
                .post(APP + "/api_config/_generate_client_secret", this::regenerateSecret)
                .post(APP + "/_deactivate", (req, res) -> changeState(req, res, AppState.INACTIVE))
                .post(APP + "/_reactivate", (req, res) -> changeState(req, res, AppState.ACTIVE))
                .delete(APP, this::remove)
                .post(APP + "/keys", this::addKey)
                .post(APP + "/keys/_search", this::listKeys)
                .get(APP + "/keys/{keyId}", this::getKey)
                .delete(APP + "/keys/{keyId}", this::removeKey);
    }

    private void add(ServerRequest request, ServerResponse response) {
        var body = json.read(request, AppWire.AddApiAppRequest.class, "AddAPIAppRequest");
        var result = projects.addApiApp().addApiApp(new AddApiAppCommand(caller(request), param(request, "projectId"),
                body.name(), AppWire.method(body.authMethodType(), "AddAPIAppRequest")));
        json.send(response, Status.OK_200, AppWire.AddApiAppResponse.from(result));
    }

    private void list(ServerRequest request, ServerResponse response) {
        var body = json.read(request, AppWire.ListAppsRequest.class, AppWire.ListAppsRequest.NAME);
        var result = projects.listApps().listApps(body.toQuery(caller(request), param(request, "projectId")));
        json.send(response, Status.OK_200, AppWire.ListAppsResponse.from(result));
    }

    private void get(ServerRequest request, ServerResponse response) {
        var result = projects.getApp().getApp(new GetAppQuery(caller(request), param(request, "projectId"),
                param(request, "appId")));
        json.send(response, Status.OK_200, new AppWire.GetAppResponse(AppWire.AppResponse.from(result.app())));
    }

    private void update(ServerRequest request, ServerResponse response) {
        var body = json.read(request, AppWire.UpdateAppRequest.class, "UpdateAppRequest");
        var details = projects.updateApp().updateApp(new UpdateAppCommand(caller(request), param(request, "projectId"),
                param(request, "appId"), body.name()));
        json.send(response, Status.OK_200, DetailsResponse.changed(details));
    }

    private void updateConfig(ServerRequest request, ServerResponse response) {
        var body = json.read(request, AppWire.UpdateApiAppConfigRequest.class, "UpdateAPIAppConfigRequest");
        var details = projects.updateApiAppConfig().updateApiAppConfig(new UpdateApiAppConfigCommand(caller(request),
                param(request, "projectId"), param(request, "appId"),
                AppWire.method(body.authMethodType(), "UpdateAPIAppConfigRequest")));
        json.send(response, Status.OK_200, DetailsResponse.changed(details));
    }

    private void regenerateSecret(ServerRequest request, ServerResponse response) {
        json.read(request, ProjectEndpoint.Empty.class, "RegenerateAPIClientSecretRequest");
        var result = projects.regenerateApiClientSecret().regenerateApiClientSecret(
                new RegenerateApiClientSecretCommand(caller(request), param(request, "projectId"),
                        param(request, "appId")));
        json.send(response, Status.OK_200, AppWire.RegenerateSecretResponse.from(result));
    }

    private void changeState(ServerRequest request, ServerResponse response, AppState target) {
        json.read(request, ProjectEndpoint.Empty.class, target == AppState.ACTIVE ? "ReactivateAppRequest"
                : "DeactivateAppRequest");
        var details = projects.changeAppState().changeAppState(new ChangeAppStateCommand(caller(request),
                param(request, "projectId"), param(request, "appId"), target));
        json.send(response, Status.OK_200, DetailsResponse.changed(details));
    }

    private void remove(ServerRequest request, ServerResponse response) {
        var details = projects.removeApp().removeApp(new RemoveAppCommand(caller(request), param(request, "projectId"),
                param(request, "appId")));
        json.send(response, Status.OK_200, DetailsResponse.changed(details));
    }

    private void addKey(ServerRequest request, ServerResponse response) {
        var body = json.read(request, AppWire.AddAppKeyRequest.class, AppWire.AddAppKeyRequest.NAME);
        var result = projects.addAppKey().addAppKey(body.toCommand(caller(request), param(request, "projectId"),
                param(request, "appId")));
        json.send(response, Status.OK_200, AppWire.AddAppKeyResponse.from(result));
    }

    private void listKeys(ServerRequest request, ServerResponse response) {
        var body = json.read(request, AppWire.ListAppKeysRequest.class, "ListAppKeysRequest");
        var result = projects.listAppKeys().listAppKeys(body.toQuery(caller(request), param(request, "projectId"),
                param(request, "appId")));
        json.send(response, Status.OK_200, AppWire.ListAppKeysResponse.from(result));
    }

    private void getKey(ServerRequest request, ServerResponse response) {
        var result = projects.getAppKey().getAppKey(new GetAppKeyQuery(caller(request), param(request, "projectId"),
                param(request, "appId"), param(request, "keyId")));
        json.send(response, Status.OK_200, new AppWire.GetAppKeyResponse(AppWire.KeyResponse.from(result.key())));
    }

    private void removeKey(ServerRequest request, ServerResponse response) {
        var details = projects.removeAppKey().removeAppKey(new RemoveAppKeyCommand(caller(request),
                param(request, "projectId"), param(request, "appId"), param(request, "keyId")));
        json.send(response, Status.OK_200, DetailsResponse.changed(details));
    }
}
