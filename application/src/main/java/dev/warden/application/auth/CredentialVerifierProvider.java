package dev.warden.application.auth;

/**
 * Extension point: creates a {@link CredentialVerifier}. Providers are listed in
 * {@code META-INF/services/dev.warden.application.auth.CredentialVerifierProvider}, loaded with
 * {@link java.util.ServiceLoader} by the composition root, and enabled and ordered by the
 * configuration key {@code warden.auth.methods}.
 */
public interface CredentialVerifierProvider {

    /** Unique id used in configuration, e.g. {@code pat}. */
    String id();

    CredentialVerifier create(VerifierContext context);
}
