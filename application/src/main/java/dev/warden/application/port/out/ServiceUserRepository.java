package dev.warden.application.port.out;

import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.serviceuser.UserFilter;
import dev.warden.domain.serviceuser.UserSort;

import java.util.Optional;

/**
 * Driven port: stored service users. User names are unique across the instance, ignoring case.
 * Every change also writes the change feed in the same transaction ({@code USER_CHANGED}).
 */
public interface ServiceUserRepository {

    Optional<ServiceUser> findById(long id);

    /** The user with this user name, ignoring case (user names are unique across the instance). */
    Optional<ServiceUser> findByUserName(String userName);

    /** False (nothing stored) when the user name or id is taken. */
    boolean insert(ServiceUser user);

    /**
     * Stores every field but the organization if the stored user still has the sequence the change
     * was derived from ({@code user.sequence() - 1}); see {@link UpdateResult}. A conflict is checked
     * before the user name: a stale rename reports {@link UpdateResult#CONFLICT}, even to a taken name.
     */
    UpdateResult update(ServiceUser user);

    /** Deletes the user with its tokens, machine keys and memberships. All or nothing. */
    void remove(long userId);

    /** The organization's users matching the filter, sorted, one page of them. */
    Page<ServiceUser> search(long orgId, UserFilter filter, UserSort sort, PageRequest page);
}
