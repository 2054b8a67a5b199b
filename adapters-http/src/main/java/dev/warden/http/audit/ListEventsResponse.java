package dev.warden.http.audit;

import dev.warden.application.port.in.AuditEventListResult;
import dev.warden.domain.audit.AuditEvent;
import dev.warden.http.json.Timestamps;

import java.util.List;

/**
 * ZITADEL's {@code ListEventsResponse}: each event with its sequence (continue from it), time,
 * type, editor (the actor), aggregate (the user it is about and its organization) and a payload
 * of ids, the client address and a short detail — never a secret.
 */
record ListEventsResponse(List<EventResponse> events) {

    record EventResponse(EditorResponse editor, AggregateResponse aggregate, String sequence, String creationDate,
                         PayloadResponse payload, TypeResponse type) {
    }

    record EditorResponse(String userId) {
    }

    record AggregateResponse(String id, String type, String resourceOwner) {
    }

    record PayloadResponse(String targetId, String clientAddress, String detail) {
    }

    record TypeResponse(String type) {
    }

    static ListEventsResponse from(AuditEventListResult result) {
        return new ListEventsResponse(result.events().stream().map(ListEventsResponse::event).toList());
    }

    private static EventResponse event(AuditEvent event) {
        return new EventResponse(new EditorResponse(id(event.actorUserId())),
                new AggregateResponse(id(event.subjectUserId()), event.subjectUserId() == 0 ? "" : "user",
                        id(event.orgId())),
                Long.toString(event.id()), Timestamps.format(event.occurredAt()),
                new PayloadResponse(event.targetId(), event.clientAddress(), event.detail()),
                new TypeResponse(event.type().wireName()));
    }

    private static String id(long id) {
        return id == 0 ? "" : Long.toString(id);
    }
}
