package dev.warden.http.member;

import dev.warden.application.authz.Caller;
import dev.warden.application.port.in.AddMemberCommand;
import dev.warden.application.port.in.ListMemberRolesQuery;
import dev.warden.application.port.in.ListMembersQuery;
import dev.warden.application.port.in.RemoveMemberCommand;
import dev.warden.application.port.in.UpdateMemberCommand;
import dev.warden.domain.policy.MemberScope;
import dev.warden.http.auth.AuthenticationHandler;
import dev.warden.http.json.DetailsResponse;
import dev.warden.http.json.JsonCodec;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The member routes shared by org members ({@code /management/v1/orgs/me/members}) and instance
 * members ({@code /admin/v1/members}): the same handlers on a scope.
 */
public final class MemberRoutes {

    private final MemberUseCases members;
    private final JsonCodec json;
    private final MemberScope scope;
    private final String messagePrefix;

    /** @param messagePrefix ZITADEL's request name stem for error messages, e.g. {@code Org} or {@code IAM} */
    public MemberRoutes(MemberUseCases members, JsonCodec json, MemberScope scope, String messagePrefix) {
        this.members = members;
        this.json = json;
        this.scope = scope;
        this.messagePrefix = messagePrefix;
    }

    /** Registers the routes below {@code membersPath} and the roles search at {@code rolesPath}. */
    public void register(HttpRules rules, String membersPath, String rolesPath) {
        rules.post(rolesPath, this::listRoles)
                .post(membersPath + "/_search", this::list)
                .post(membersPath, this::add)
                .put(membersPath + "/{userId}", this::update)
                .delete(membersPath + "/{userId}", this::remove);
    }

    private void listRoles(ServerRequest request, ServerResponse response) {
        var result = members.listMemberRoles().listMemberRoles(
                new ListMemberRolesQuery(AuthenticationHandler.caller(request), scope));
        json.send(response, Status.OK_200, MemberRolesResponse.from(result));
    }

    private void list(ServerRequest request, ServerResponse response) {
        String name = "List" + messagePrefix + "MembersRequest";
        ListMembersRequest body = json.read(request, ListMembersRequest.class, name);
        var result = members.listMembers().listMembers(new ListMembersQuery(AuthenticationHandler.caller(request),
                scope, body.filter(name), body.page(name)));
        json.send(response, Status.OK_200, MemberListResponse.from(result));
    }

    private void add(ServerRequest request, ServerResponse response) {
        MemberRequest body = json.read(request, MemberRequest.class, "Add" + messagePrefix + "MemberRequest");
        Caller caller = AuthenticationHandler.caller(request);
        var details = members.addMember().addMember(new AddMemberCommand(caller, scope, body.userId(), body.roles()));
        json.send(response, Status.OK_200, DetailsResponse.created(details));
    }

    private void update(ServerRequest request, ServerResponse response) {
        MemberRequest body = json.read(request, MemberRequest.class, "Update" + messagePrefix + "MemberRequest");
        var details = members.updateMember().updateMember(new UpdateMemberCommand(AuthenticationHandler.caller(request),
                scope, request.path().pathParameters().get("userId"), body.roles()));
        json.send(response, Status.OK_200, DetailsResponse.changed(details));
    }

    private void remove(ServerRequest request, ServerResponse response) {
        var details = members.removeMember().removeMember(new RemoveMemberCommand(AuthenticationHandler.caller(request),
                scope, request.path().pathParameters().get("userId")));
        json.send(response, Status.OK_200, DetailsResponse.changed(details));
    }
}
