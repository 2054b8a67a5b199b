package dev.warden.application.port.in;

/**
 * Driving port: a failed authentication, for the audit log. The authentication chain reports the
 * failures it sees; a failed-authentication limiter reports the ones it refuses before the chain.
 * Failures are coalesced: one audit event per credential id (else per client address) and window.
 */
public interface RecordAuthenticationFailureUseCase {
    void recordAuthenticationFailure(AuthenticationFailureCommand command);
}
