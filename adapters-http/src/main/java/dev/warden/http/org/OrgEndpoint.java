package dev.warden.http.org;

import dev.warden.application.authz.Caller;
import dev.warden.application.port.in.AddOrgCommand;
import dev.warden.application.port.in.ChangeOrgStateCommand;
import dev.warden.application.port.in.GetMyOrgQuery;
import dev.warden.application.port.in.RemoveOrgCommand;
import dev.warden.application.port.in.UpdateOrgCommand;
import dev.warden.http.auth.AuthenticationHandler;
import dev.warden.http.json.DetailsResponse;
import dev.warden.http.json.JsonCodec;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Driving adapter: organization routes of the management API, under {@code /management/v1}. */
public final class OrgEndpoint implements HttpService {

    private final OrgUseCases orgs;
    private final JsonCodec json;

    public OrgEndpoint(OrgUseCases orgs, JsonCodec json) {
        this.orgs = orgs;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/orgs/me", this::getMyOrg)
                .post("/orgs", this::addOrg)
                .put("/orgs/me", this::updateOrg)
                .post("/orgs/me/_deactivate", (req, res) -> changeState(req, res, false))
                .post("/orgs/me/_reactivate", (req, res) -> changeState(req, res, true))
                .delete("/orgs/me", this::removeOrg);
    }

    private void getMyOrg(ServerRequest request, ServerResponse response) {
        Caller caller = AuthenticationHandler.caller(request);
        GetMyOrgQuery query = new GetMyOrgQuery(caller.principal(), caller.requestedOrgId());
        json.send(response, Status.OK_200, GetMyOrgResponse.from(orgs.getMyOrg().getMyOrg(query)));
    }

    private void addOrg(ServerRequest request, ServerResponse response) {
        OrgNameRequest body = json.read(request, OrgNameRequest.class, "AddOrgRequest");
        var result = orgs.addOrg().addOrg(new AddOrgCommand(AuthenticationHandler.caller(request), body.name()));
        json.send(response, Status.OK_200, AddOrgResponse.from(result));
    }

    private void updateOrg(ServerRequest request, ServerResponse response) {
        OrgNameRequest body = json.read(request, OrgNameRequest.class, "UpdateOrgRequest");
        var org = orgs.updateOrg().updateOrg(new UpdateOrgCommand(AuthenticationHandler.caller(request), body.name()))
                .organization();
        json.send(response, Status.OK_200, DetailsResponse.changed(org.sequence(), org.changedAt(), org.id()));
    }

    private void changeState(ServerRequest request, ServerResponse response, boolean active) {
        var details = orgs.changeOrgState().changeOrgState(
                new ChangeOrgStateCommand(AuthenticationHandler.caller(request), active));
        json.send(response, Status.OK_200, DetailsResponse.changed(details));
    }

    private void removeOrg(ServerRequest request, ServerResponse response) {
        var details = orgs.removeOrg().removeOrg(new RemoveOrgCommand(AuthenticationHandler.caller(request)));
        json.send(response, Status.OK_200, DetailsResponse.changed(details));
    }
}
