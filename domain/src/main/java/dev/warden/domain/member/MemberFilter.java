package dev.warden.domain.member;

/** ZITADEL's member {@code SearchQuery}: by user id; name and email queries match no service user. */
public sealed interface MemberFilter {

    record All() implements MemberFilter {
    }

    record UserId(long userId) implements MemberFilter {
    }

    /** First name, last name or email: fields service users do not have. */
    record Nothing() implements MemberFilter {
    }

    default boolean matches(Member member) {
        return switch (this) {
            case All a -> true;
            case UserId q -> member.user().id() == q.userId();
            case Nothing n -> false;
        };
    }
}
