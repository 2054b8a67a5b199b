package dev.warden.http.admin;

import dev.warden.application.port.in.GetOrgByIdQuery;
import dev.warden.application.port.in.ListOrgsQuery;
import dev.warden.domain.policy.MemberScope;
import dev.warden.http.member.MemberUseCases;
import dev.warden.http.org.OrgUseCases;
import dev.warden.http.auth.AuthenticationHandler;
import dev.warden.http.json.JsonCodec;
import dev.warden.http.member.MemberRoutes;
import dev.warden.http.org.GetMyOrgResponse;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Driving adapter: the instance administration routes Warden serves, under {@code /admin/v1}. */
public final class AdminEndpoint implements HttpService {

    private final OrgUseCases orgs;
    private final JsonCodec json;
    private final MemberRoutes members;

    public AdminEndpoint(OrgUseCases orgs, MemberUseCases members, JsonCodec json) {
        this.orgs = orgs;
        this.json = json;
        this.members = new MemberRoutes(members, json, MemberScope.IAM, "IAM");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/orgs/_search", this::listOrgs)
                .get("/orgs/{id}", this::getOrg);
        members.register(rules, "/members", "/members/roles/_search");
    }

    private void getOrg(ServerRequest request, ServerResponse response) {
        var result = orgs.getOrgById().getOrgById(new GetOrgByIdQuery(AuthenticationHandler.caller(request),
                request.path().pathParameters().get("id")));
        // GetOrgByIDResponse has the same shape as GetMyOrgResponse: {"org":{…}}.
        json.send(response, Status.OK_200, GetMyOrgResponse.from(result));
    }

    private void listOrgs(ServerRequest request, ServerResponse response) {
        ListOrgsRequest body = json.read(request, ListOrgsRequest.class, ListOrgsRequest.NAME);
        var result = orgs.listOrgs().listOrgs(new ListOrgsQuery(AuthenticationHandler.caller(request), body.filter(),
                body.page()));
        json.send(response, Status.OK_200, OrgListResponse.from(result));
    }
}
