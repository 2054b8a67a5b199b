package dev.warden.application.port.out;

import dev.warden.domain.member.Member;
import dev.warden.domain.member.MemberFilter;
import dev.warden.domain.member.Membership;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;

import java.util.List;
import java.util.Optional;

/**
 * Driven port: stored memberships (org and instance roles of users). Every change also writes
 * {@code MEMBERSHIP_CHANGED} for the user to the change feed in the same transaction.
 */
public interface MembershipRepository {

    /** Every membership of the user, on any organization and on the instance. */
    List<Membership> findByUser(long userId);

    Optional<Membership> find(long userId, MemberScope scope, long scopeId);

    /** False (nothing stored) when the user is already a member there. */
    boolean insert(Membership membership);

    /**
     * Stores the membership's roles if the stored one still has the sequence the change was derived
     * from ({@code membership.sequence() - 1}); see {@link UpdateResult}. Never
     * {@link UpdateResult#DUPLICATE_NAME}: a membership has no name.
     */
    UpdateResult update(Membership membership);

    /** False when there was no such membership. */
    boolean remove(long userId, MemberScope scope, long scopeId);

    /** Members of one organization or of the instance, with their users, ordered by user name. */
    Page<Member> search(MemberScope scope, long scopeId, MemberFilter filter, PageRequest page);
}
