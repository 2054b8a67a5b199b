package dev.warden.application.port.in;

import dev.warden.domain.org.Organization;
import dev.warden.domain.query.Page;

import java.time.Instant;
import java.util.Objects;

    /** One page of organizations. */
    public record OrganizationListResult(Page<Organization> page, Instant viewedAt) {
        public OrganizationListResult {
            Objects.requireNonNull(page, "page");
            Objects.requireNonNull(viewedAt, "viewedAt");
        }
    }
