package dev.warden.http.member;

import dev.warden.domain.policy.MemberScope;
import dev.warden.http.json.JsonCodec;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/** Driving adapter: organization member routes of the management API, under {@code /management/v1}. */
public final class MemberEndpoint implements HttpService {

    private final MemberRoutes routes;

    public MemberEndpoint(MemberUseCases members, JsonCodec json) {
        this.routes = new MemberRoutes(members, json, MemberScope.ORG, "Org");
    }

    @Override
    public void routing(HttpRules rules) {
        routes.register(rules, "/orgs/me/members", "/orgs/members/roles/_search");
    }
}
