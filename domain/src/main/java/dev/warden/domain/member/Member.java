package dev.warden.domain.member;

import dev.warden.domain.serviceuser.ServiceUser;

import java.util.Objects;

/** A membership together with the user it belongs to, as member lists show it. */
public record Member(Membership membership, ServiceUser user) {
    public Member {
        Objects.requireNonNull(membership, "membership");
        Objects.requireNonNull(user, "user");
        if (membership.userId() != user.id()) {
            throw new IllegalArgumentException("membership and user do not match");
        }
    }
}
