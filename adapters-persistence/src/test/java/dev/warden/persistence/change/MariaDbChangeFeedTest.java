package dev.warden.persistence.change;

import dev.warden.domain.change.Change;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.member.Membership;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.serviceuser.UserState;
import dev.warden.persistence.db.DatabaseContract;
import dev.warden.persistence.db.Engine;
import dev.warden.persistence.db.TestData;
import dev.warden.persistence.member.MariaDbMembershipRepository;
import dev.warden.persistence.org.MariaDbOrganizationRepository;
import dev.warden.persistence.serviceuser.MariaDbServiceUserRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class MariaDbChangeFeedTest {

    @Nested
    class OnMariaDb extends Contract {
        OnMariaDb() {
            super(Engine.MARIADB);
        }
    }

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(Engine.H2);
        }
    }

    abstract static class Contract extends DatabaseContract {
        /** In a daylight-saving gap of the tests' zone, with microseconds. */
        private static final Instant T0 = Instant.parse("2026-03-29T02:30:00.000001Z");

        private MariaDbChangeFeed feed;

        Contract(Engine engine) {
            super(engine);
        }

        @BeforeAll
        void createFeed() {
            feed = new MariaDbChangeFeed(db());
        }

        @BeforeEach
        void emptyFeed() {
            testDatabase().sql("DELETE FROM change_feed");
        }

        @Test
        void sinceReturnsTheChangesAtOrAfterTheTimeOldestFirst() {
            record(ChangeKind.USER_CHANGED, 3, T0.plusSeconds(2));
            record(ChangeKind.ORG_CHANGED, 1, T0);
            record(ChangeKind.CREDENTIAL_REVOKED, 2, T0.plusSeconds(1));
            record(ChangeKind.MEMBERSHIP_CHANGED, 9, T0.minusNanos(1_000));

            List<Change> changes = feed.since(T0);

            assertThat(changes).extracting(Change::kind, Change::subjectId, Change::at).containsExactly(
                    tuple(ChangeKind.ORG_CHANGED, 1L, T0),
                    tuple(ChangeKind.CREDENTIAL_REVOKED, 2L, T0.plusSeconds(1)),
                    tuple(ChangeKind.USER_CHANGED, 3L, T0.plusSeconds(2)));
        }

        @Test
        void sinceAfterTheLastChangeIsEmpty() {
            record(ChangeKind.ORG_CHANGED, 1, T0);

            assertThat(feed.since(T0.plusNanos(1_000))).isEmpty();
        }

        @Test
        void everyEntryHasItsOwnPositiveId() {
            for (int i = 0; i < 200; i++) {
                record(ChangeKind.USER_CHANGED, i, T0);
            }

            List<Change> changes = feed.since(T0);

            Set<Long> ids = new HashSet<>();
            changes.forEach(change -> ids.add(change.id()));
            assertThat(ids).hasSize(200).allSatisfy(id -> assertThat(id).isPositive());
        }

        @Test
        void pruneDeletesOnlyEntriesOlderThanTheTimeAndCountsThem() {
            record(ChangeKind.ORG_CHANGED, 1, T0.minusSeconds(10));
            record(ChangeKind.ORG_CHANGED, 2, T0.minusNanos(1_000));
            record(ChangeKind.ORG_CHANGED, 3, T0);
            record(ChangeKind.ORG_CHANGED, 4, T0.plusSeconds(10));

            assertThat(feed.prune(T0)).isEqualTo(2);

            assertThat(feed.since(Instant.EPOCH)).extracting(Change::subjectId).containsExactly(3L, 4L);
            assertThat(feed.prune(T0)).isZero();
        }

        @Test
        void repositoriesStampTheirEntriesWithTheirClock() {
            Clock fixed = Clock.fixed(T0, ZoneOffset.UTC);
            Organization org = TestData.org();
            new MariaDbOrganizationRepository(db()).insert(db().execute(), org);
            MariaDbServiceUserRepository users = new MariaDbServiceUserRepository(db(), fixed);
            ServiceUser user = TestData.user(org.id());
            users.insert(user);
            new MariaDbMembershipRepository(db(), fixed).insert(
                    Membership.grant(user.id(), MemberScope.ORG, org.id(), Set.of(Role.ORG_OWNER), T0));
            users.update(user.withState(UserState.INACTIVE, T0));

            assertThat(feed.since(T0)).extracting(Change::kind, Change::subjectId, Change::at)
                    .containsExactlyInAnyOrder(
                            tuple(ChangeKind.MEMBERSHIP_CHANGED, user.id(), T0),
                            tuple(ChangeKind.USER_CHANGED, user.id(), T0));
        }

        private void record(ChangeKind kind, long subjectId, Instant at) {
            feed.record(db().execute(), kind, subjectId, at);
        }
    }
}
