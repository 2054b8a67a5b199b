package dev.warden.persistence.audit;

import dev.warden.domain.audit.AuditEvent;
import dev.warden.domain.audit.AuditEventFilter;
import dev.warden.domain.audit.AuditEventType;
import dev.warden.persistence.db.DatabaseContract;
import dev.warden.persistence.db.Engine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MariaDbAuditEventRepositoryTest {

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
        private static final Instant END = Instant.parse("9999-12-31T00:00:00Z");

        private MariaDbAuditEventRepository events;

        Contract(Engine engine) {
            super(engine);
        }

        @BeforeAll
        void createRepository() {
            events = new MariaDbAuditEventRepository(db());
        }

        @BeforeEach
        void emptyLog() {
            testDatabase().sql("DELETE FROM audit_events");
        }

        @Test
        void anAppendedEventReadsBackUnchanged() {
            AuditEvent event = new AuditEvent(42, T0, AuditEventType.MEMBER_CHANGED, 1, 2, 3, "4", "2001:db8::1",
                    "ORG: ORG_OWNER ' \" % _ \\ ünïcödé");
            events.append(event);

            assertThat(events.search(all(true, 10))).containsExactly(event);
        }

        @Test
        void searchPagesByIdInEitherDirectionFromTheCursor() {
            for (int i = 1; i <= 5; i++) {
                events.append(event(i, T0.plusSeconds(i), AuditEventType.PAT_ADDED, i));
            }

            assertThat(ids(events.search(all(true, 2)))).containsExactly(1L, 2L);
            assertThat(ids(events.search(after(2, true, 2)))).containsExactly(3L, 4L);
            assertThat(ids(events.search(all(false, 2)))).containsExactly(5L, 4L);
            assertThat(ids(events.search(after(4, false, 10)))).containsExactly(3L, 2L, 1L);
        }

        @Test
        void filtersByTypeActorSubjectOrganizationAndTimeRange() {
            events.append(new AuditEvent(1, T0, AuditEventType.PAT_ADDED, 10, 20, 30, "", "", ""));
            events.append(new AuditEvent(2, T0.plusSeconds(1), AuditEventType.PAT_REMOVED, 10, 21, 31, "", "", ""));
            events.append(new AuditEvent(3, T0.plusSeconds(2), AuditEventType.USER_REMOVED, 11, 20, 30, "", "", ""));

            assertThat(ids(events.search(new AuditEventFilter(Set.of(AuditEventType.PAT_ADDED,
                    AuditEventType.USER_REMOVED), 0, 0, 0, Instant.EPOCH, END, 0, true, 10)))).containsExactly(1L, 3L);
            assertThat(ids(events.search(new AuditEventFilter(Set.of(), 10, 0, 0, Instant.EPOCH, END, 0, true, 10))))
                    .containsExactly(1L, 2L);
            assertThat(ids(events.search(new AuditEventFilter(Set.of(), 0, 30, 20, Instant.EPOCH, END, 0, true, 10))))
                    .containsExactly(1L, 3L);
            assertThat(ids(events.search(new AuditEventFilter(Set.of(), 0, 0, 0, T0.plusSeconds(1), T0.plusSeconds(2),
                    0, true, 10)))).as("since inclusive, until exclusive").containsExactly(2L);
        }

        @Test
        void purgeDeletesOnlyOlderEventsAndCountsThem() {
            events.append(event(1, T0.minusSeconds(10), AuditEventType.PAT_ADDED, 1));
            events.append(event(2, T0.minusNanos(1_000), AuditEventType.PAT_ADDED, 1));
            events.append(event(3, T0, AuditEventType.PAT_ADDED, 1));

            assertThat(events.purge(T0)).isEqualTo(2);
            assertThat(ids(events.search(all(true, 10)))).containsExactly(3L);
        }

        @Test
        void aRowOfAnUnknownTypeIsSkipped() {
            events.append(event(1, T0, AuditEventType.PAT_ADDED, 1));
            testDatabase().sql("INSERT INTO audit_events (id, occurred_at, event_type, actor_user_id, org_id, "
                    + "subject_user_id, target_id, client_address, detail) VALUES (2, '2026-03-29 02:30:01', "
                    + "'from.a.newer.node', 0, 0, 0, '', '', '')");

            assertThat(ids(events.search(all(true, 10)))).containsExactly(1L);
        }

        private static AuditEvent event(long id, Instant at, AuditEventType type, long actor) {
            return new AuditEvent(id, at, type, actor, 0, 0, Long.toString(id), "", "");
        }

        private static AuditEventFilter all(boolean ascending, int limit) {
            return after(0, ascending, limit);
        }

        private static AuditEventFilter after(long sequence, boolean ascending, int limit) {
            return new AuditEventFilter(Set.of(), 0, 0, 0, Instant.EPOCH, END, sequence, ascending, limit);
        }

        private static List<Long> ids(List<AuditEvent> list) {
            return list.stream().map(AuditEvent::id).toList();
        }
    }
}
