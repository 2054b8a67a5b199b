package dev.warden.application.port.in;

/** Driving port: the members of the current organization or of the instance. */
public interface ListMembersUseCase {
    MemberListResult listMembers(ListMembersQuery query);
}
