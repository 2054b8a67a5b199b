package dev.warden.application.port.in;

import dev.warden.domain.policy.Role;

import java.util.List;

    /** Grantable roles in configuration order. */
    public record MemberRolesResult(List<Role> roles) {
        public MemberRolesResult {
            roles = List.copyOf(roles);
        }
    }
