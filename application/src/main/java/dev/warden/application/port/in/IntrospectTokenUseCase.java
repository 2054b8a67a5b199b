package dev.warden.application.port.in;

/**
 * Driving port: token introspection (RFC 7662) for an API application. A refused client and an
 * inactive token are answers, not exceptions.
 */
public interface IntrospectTokenUseCase {

    IntrospectionResult introspect(IntrospectTokenCommand command);
}
