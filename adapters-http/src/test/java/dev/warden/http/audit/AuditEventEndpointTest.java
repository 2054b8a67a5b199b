package dev.warden.http.audit;

import dev.warden.application.error.PermissionDeniedException;
import dev.warden.application.port.in.AuditEventListResult;
import dev.warden.application.port.in.SearchAuditEventsQuery;
import dev.warden.domain.audit.AuditEvent;
import dev.warden.domain.audit.AuditEventFilter;
import dev.warden.domain.audit.AuditEventType;
import dev.warden.http.HttpAdapter;
import dev.warden.http.WardenRouting;
import dev.warden.http.user.RecordingUseCases;
import dev.warden.http.user.RecordingUseCases.Reply;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /admin/v1/events/_search}: the request becomes the filter, events come back in ZITADEL's shape. */
@RoutingTest
class AuditEventEndpointTest {

    private static final Instant AT = Instant.parse("2026-11-29T10:30:00.123456Z");
    private static final AtomicReference<SearchAuditEventsQuery> RECEIVED = new AtomicReference<>();
    private static final AtomicReference<RuntimeException> FAILURE = new AtomicReference<>();

    private final DirectClient client;

    AuditEventEndpointTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        HttpAdapter recording = new RecordingUseCases().adapter();
        WardenRouting.routing(routing, new HttpAdapter(recording.authenticate(), recording.orgs(), recording.users(),
                recording.members(), recording.secrets(), recording.keys(), recording.oauth(),
                recording.signingKeys(), recording.projects(), query -> {
                    RECEIVED.set(query);
                    if (FAILURE.get() != null) {
                        throw FAILURE.get();
                    }
                    return new AuditEventListResult(List.of(new AuditEvent(77, AT, AuditEventType.PAT_ADDED, 1, 2,
                            3, "4", "192.0.2.1", "")), AT);
                }));
    }

    @BeforeEach
    void reset() {
        RECEIVED.set(null);
        FAILURE.set(null);
    }

    @Test
    void anEmptySearchIsNewestFirstAHundredAtATimeOverAllTime() {
        Reply reply = RecordingUseCases.call(client, Method.POST, "/admin/v1/events/_search", "{}");

        assertThat(reply.status()).isEqualTo(200);
        AuditEventFilter filter = RECEIVED.get().filter();
        assertThat(filter.ascending()).isFalse();
        assertThat(filter.limit()).isEqualTo(100);
        assertThat(filter.afterSequence()).isZero();
        assertThat(filter.types()).isEmpty();
        assertThat(filter.since()).isEqualTo(Instant.EPOCH);
        assertThat(RECEIVED.get().caller()).isEqualTo(RecordingUseCases.CALLER);
        assertThat(reply.json().toString()).isEqualTo("{\"events\":[{\"editor\":{\"userId\":\"1\"},"
                + "\"aggregate\":{\"id\":\"3\",\"type\":\"user\",\"resourceOwner\":\"2\"},\"sequence\":\"77\","
                + "\"creationDate\":\"2026-11-29T10:30:00.123456Z\",\"payload\":{\"targetId\":\"4\","
                + "\"clientAddress\":\"192.0.2.1\"},\"type\":{\"type\":\"user.personal.access.token.added\"}}]}");
    }

    @Test
    void everyFieldReachesTheFilter() {
        RecordingUseCases.call(client, Method.POST, "/admin/v1/events/_search", "{\"sequence\":\"12\",\"limit\":5,"
                + "\"asc\":true,\"editorUserId\":\"21\",\"eventTypes\":[\"user.removed\",\"member.added\"],"
                + "\"aggregateId\":\"22\",\"resourceOwner\":\"23\",\"range\":{\"since\":\"2026-01-01T00:00:00Z\","
                + "\"until\":\"2026-02-01T00:00:00+01:00\"}}");

        AuditEventFilter filter = RECEIVED.get().filter();
        assertThat(filter).isEqualTo(new AuditEventFilter(Set.of(AuditEventType.USER_REMOVED,
                AuditEventType.MEMBER_ADDED), 21, 22, 23, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-31T23:00:00Z"), 12, true, 5));
    }

    @Test
    void badFieldsAreInvalidArgumentsNamingTheField() {
        for (String[] bad : new String[][] {
                {"{\"limit\":1001}", "invalid ListEventsRequest.Limit"},
                {"{\"limit\":-1}", "invalid ListEventsRequest.Limit"},
                {"{\"sequence\":\"x\"}", "invalid ListEventsRequest.Sequence"},
                {"{\"eventTypes\":[\"user.token.added.nope\"]}", "invalid ListEventsRequest.EventTypes"},
                {"{\"aggregateId\":\"1 OR 1=1\"}", "invalid ListEventsRequest.AggregateId"},
                {"{\"range\":{\"until\":\"1969-12-31T00:00:00Z\"}}", "invalid ListEventsRequest.Range"}}) {
            Reply reply = RecordingUseCases.call(client, Method.POST, "/admin/v1/events/_search", bad[0]);
            RecordingUseCases.assertInvalidArgument(reply, bad[1]);
        }
        assertThat(RECEIVED.get()).as("no search ran").isNull();
    }

    @Test
    void aCallerWithoutEventsReadGetsThePermissionError() {
        FAILURE.set(new PermissionDeniedException("AUTH-5mWD2", "No matching permissions found"));

        Reply reply = RecordingUseCases.call(client, Method.POST, "/admin/v1/events/_search", "{}");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("code").asInt()).isEqualTo(7);
    }

    @Test
    void otherMethodsAre405() {
        assertThat(RecordingUseCases.call(client, Method.GET, "/admin/v1/events/_search", null).status())
                .isEqualTo(405);
    }
}
