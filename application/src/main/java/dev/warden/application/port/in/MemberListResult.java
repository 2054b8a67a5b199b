package dev.warden.application.port.in;

import dev.warden.domain.member.Member;
import dev.warden.domain.query.Page;

import java.time.Instant;
import java.util.Objects;

    /** One page of members with their users. */
    public record MemberListResult(Page<Member> page, Instant viewedAt) {
        public MemberListResult {
            Objects.requireNonNull(page, "page");
            Objects.requireNonNull(viewedAt, "viewedAt");
        }
    }
