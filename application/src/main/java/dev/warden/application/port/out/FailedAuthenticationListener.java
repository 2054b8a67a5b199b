package dev.warden.application.port.out;

/**
 * Driven port: told when a burst of failed authentications brings an address or a credential id
 * to the limit (for logs, metrics, an audit log). Called on the request thread: keep it quick and
 * never throw.
 */
@FunctionalInterface
public interface FailedAuthenticationListener {

    /** {@code key} has just been held back; {@code scheme} is the credential scheme of the last failure. */
    void limitReached(FailedAuthenticationLimiter.Key key, String scheme);

    FailedAuthenticationListener NONE = (key, scheme) -> { };
}
