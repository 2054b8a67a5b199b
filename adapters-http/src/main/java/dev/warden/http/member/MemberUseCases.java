package dev.warden.http.member;

import dev.warden.application.port.in.AddMemberUseCase;
import dev.warden.application.port.in.ListMemberRolesUseCase;
import dev.warden.application.port.in.ListMembersUseCase;
import dev.warden.application.port.in.RemoveMemberUseCase;
import dev.warden.application.port.in.UpdateMemberUseCase;

/** The membership use cases behind the org member and instance (IAM) member routes. */
public record MemberUseCases(ListMemberRolesUseCase listMemberRoles, ListMembersUseCase listMembers,
                             AddMemberUseCase addMember, UpdateMemberUseCase updateMember,
                             RemoveMemberUseCase removeMember) {
}
