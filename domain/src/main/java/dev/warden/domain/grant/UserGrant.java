package dev.warden.domain.grant;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A user grant: the project roles ({@code roleKeys}, in the client's order, no duplicates) that a
 * user holds on a project of the granting organization {@code orgId}. One grant per (org, user,
 * project). Only active grants count for role claims.
 */
public record UserGrant(long id, long orgId, long userId, long projectId, List<String> roleKeys,
                        UserGrantState state, long sequence, Instant createdAt, Instant changedAt) {

    public UserGrant {
        if (id <= 0 || orgId <= 0 || userId <= 0 || projectId <= 0) {
            throw new IllegalArgumentException("ids must be positive");
        }
        roleKeys = List.copyOf(roleKeys);
        if (new LinkedHashSet<>(roleKeys).size() != roleKeys.size()) {
            throw new IllegalArgumentException("role keys must not repeat");
        }
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(changedAt, "changedAt");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
    }

    public static UserGrant create(long id, long orgId, long userId, long projectId, List<String> roleKeys,
                                   Instant now) {
        return new UserGrant(id, orgId, userId, projectId, roleKeys, UserGrantState.ACTIVE, 1, now, now);
    }

    public UserGrant withRoleKeys(List<String> newKeys, Instant now) {
        return new UserGrant(id, orgId, userId, projectId, newKeys, state, sequence + 1, createdAt, now);
    }

    public UserGrant withState(UserGrantState newState, Instant now) {
        return new UserGrant(id, orgId, userId, projectId, roleKeys, newState, sequence + 1, createdAt, now);
    }
}
