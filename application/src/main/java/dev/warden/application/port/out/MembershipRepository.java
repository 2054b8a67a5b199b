package dev.warden.application.port.out;

import dev.warden.domain.member.Membership;

import java.util.List;

/** Driven port: stored memberships (org and instance roles of users). */
public interface MembershipRepository {
    /** Every membership of the user, on any organization and on the instance. */
    List<Membership> findByUser(long userId);
}
