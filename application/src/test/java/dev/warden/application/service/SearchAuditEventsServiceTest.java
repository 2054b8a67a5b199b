package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.application.authz.Caller;
import dev.warden.application.fakes.InMemoryAuditEventRepository;
import dev.warden.application.port.in.SearchAuditEventsQuery;
import dev.warden.domain.audit.AuditEvent;
import dev.warden.domain.audit.AuditEventFilter;
import dev.warden.domain.audit.AuditEventType;
import dev.warden.domain.policy.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SearchAuditEventsServiceTest {

    private final UserServiceFixture world = new UserServiceFixture();
    private final InMemoryAuditEventRepository events = new InMemoryAuditEventRepository();
    private final AuditTrail audit = new AuditTrail(events, world.ports.ids, world.ports.clock);
    private final SearchAuditEventsService service = new SearchAuditEventsService(world.accessControl, events,
            world.ports.clock);

    @BeforeEach
    void fiveEventsOneMinuteApart() {
        for (int i = 0; i < 5; i++) {
            audit.record(i % 2 == 0 ? AuditEventType.PAT_ADDED : AuditEventType.USER_REMOVED, world.admin(),
                    world.home.id(), 7, "t" + i, "");
            world.ports.clock.advance(Duration.ofMinutes(1));
        }
    }

    @Test
    void anInstanceOwnerPagesThroughTheLogByItsSequence() {
        Caller owner = world.withIamRoles(world.home, Role.IAM_OWNER);

        List<AuditEvent> first = search(owner, filter(Set.of(), 0, 2));
        List<AuditEvent> second = search(owner, filter(Set.of(), first.getLast().id(), 2));

        assertThat(first).extracting(AuditEvent::targetId).containsExactly("t0", "t1");
        assertThat(second).extracting(AuditEvent::targetId).containsExactly("t2", "t3");
    }

    @Test
    void typeAndTimeFiltersNarrowTheResult() {
        Caller owner = world.withIamRoles(world.home, Role.IAM_OWNER);
        Instant start = world.ports.clock.instant().minus(Duration.ofMinutes(5));

        var onlyAdded = new AuditEventFilter(Set.of(AuditEventType.PAT_ADDED), 0, 0, 0, start.plusSeconds(1),
                Instant.MAX, 0, true, 100);

        assertThat(search(owner, onlyAdded)).extracting(AuditEvent::targetId).containsExactly("t2", "t4");
    }

    @Test
    void everyoneButAnInstanceOwnerIsRefused() {
        for (Caller caller : List.of(world.admin(), world.withIamRoles(world.home, Role.IAM_ORG_MANAGER),
                world.withIamRoles(world.home, Role.IAM_OWNER_VIEWER),
                world.withIamRoles(world.home, Role.IAM_USER_MANAGER))) {
            UserServiceFixture.assertPermissionDenied(() -> search(caller, filter(Set.of(), 0, 10)));
        }
        UserServiceFixture.assertNoMembership(() -> search(world.withOrgRoles(), filter(Set.of(), 0, 10)));
    }

    private List<AuditEvent> search(Caller caller, AuditEventFilter filter) {
        return service.searchAuditEvents(new SearchAuditEventsQuery(caller, filter)).events();
    }

    private static AuditEventFilter filter(Set<AuditEventType> types, long after, int limit) {
        return new AuditEventFilter(types, 0, 0, 0, Instant.EPOCH, Instant.MAX, after, true, limit);
    }
}
