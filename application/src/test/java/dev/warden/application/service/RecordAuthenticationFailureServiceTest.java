package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.application.fakes.FakePorts;
import dev.warden.application.fakes.InMemoryAuditEventRepository;
import dev.warden.application.port.in.AuthenticationFailureCommand;
import dev.warden.domain.audit.AuditEvent;
import dev.warden.domain.audit.AuditEventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RecordAuthenticationFailureServiceTest {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final FakePorts ports = new FakePorts();
    private final InMemoryAuditEventRepository events = new InMemoryAuditEventRepository();
    private final RecordAuthenticationFailureService failures = new RecordAuthenticationFailureService(
            new AuditTrail(events, ports.ids, ports.clock), ports.clock, WINDOW, 3);

    @Test
    void aBurstOfFailuresForOneCredentialIsOneEventWithItsCountWhenTheWindowEnds() {
        for (int i = 0; i < 50; i++) {
            fail("198.51.100.1", "4711", 9, false);
        }
        assertThat(failures.flush()).as("window still open").isZero();

        ports.clock.advance(WINDOW);

        assertThat(failures.flush()).isEqualTo(1);
        assertThat(events.all()).extracting(AuditEvent::type, AuditEvent::targetId, AuditEvent::subjectUserId,
                AuditEvent::clientAddress, AuditEvent::actorUserId)
                .containsExactly(tuple(AuditEventType.AUTHENTICATION_FAILED, "4711", 9L, "198.51.100.1", 0L));
        assertThat(events.all().getFirst().detail()).startsWith("50 failed authentication(s) via Bearer");
    }

    @Test
    void failuresWithoutACredentialIdAreCoalescedPerAddress() {
        fail("198.51.100.1", "", 0, false);
        fail("198.51.100.1", "", 0, false);
        fail("198.51.100.2", "", 0, false);
        ports.clock.advance(WINDOW);

        failures.flush();

        assertThat(events.all()).extracting(e -> e.clientAddress() + " " + e.detail().split(" ")[0])
                .containsExactlyInAnyOrder("198.51.100.1 2", "198.51.100.2 1");
    }

    @Test
    void anExpiredCredentialIsAuditedAsAUseAfterExpiry() {
        fail("198.51.100.1", "4711", 9, true);
        failures.flushAll();

        assertThat(events.all()).extracting(AuditEvent::type, AuditEvent::targetId)
                .containsExactly(tuple(AuditEventType.EXPIRED_CREDENTIAL_USED, "4711"));
    }

    @Test
    void aNewWindowStartsAfterTheFlush() {
        fail("198.51.100.1", "4711", 9, false);
        ports.clock.advance(WINDOW);
        failures.flush();
        fail("198.51.100.1", "4711", 9, false);
        ports.clock.advance(WINDOW);
        failures.flush();

        assertThat(events.all()).hasSize(2);
    }

    @Test
    void beyondTheKeyLimitFailuresShareOneBucketWithoutIds() {
        for (int i = 1; i <= 10; i++) {
            fail("198.51.100." + i, Integer.toString(i), i, false);
        }
        failures.flushAll();

        assertThat(events.all()).hasSize(4);
        assertThat(events.all()).filteredOn(e -> e.targetId().isEmpty()).singleElement()
                .satisfies(e -> assertThat(e.detail()).startsWith("7 failed authentication(s) via *"));
    }

    private void fail(String address, String credentialId, long userId, boolean expired) {
        failures.recordAuthenticationFailure(new AuthenticationFailureCommand(address, credentialId, userId, expired,
                "Bearer"));
    }
}
