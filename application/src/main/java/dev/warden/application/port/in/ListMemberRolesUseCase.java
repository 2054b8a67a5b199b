package dev.warden.application.port.in;

/** Driving port: the roles that can be granted on an organization or on the instance. */
public interface ListMemberRolesUseCase {
    MemberRolesResult listMemberRoles(ListMemberRolesQuery query);
}
