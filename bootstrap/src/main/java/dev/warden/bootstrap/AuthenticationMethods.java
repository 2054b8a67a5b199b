package dev.warden.bootstrap;

import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.CredentialVerifierProvider;
import dev.warden.application.auth.VerifierContext;
import dev.warden.bootstrap.config.ConfigurationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Loads the authentication methods: every {@link CredentialVerifierProvider} on the class path
 * (ServiceLoader), of which the configured ones are created, in the configured order. Built-in
 * methods are loaded the same way as any added one.
 */
final class AuthenticationMethods {

    private AuthenticationMethods() {
    }

    static List<CredentialVerifier> load(List<String> enabled, VerifierContext context,
                                         Map<String, Map<String, String>> settings) {
        return create(ServiceLoader.load(CredentialVerifierProvider.class), enabled, context, settings);
    }

    static List<CredentialVerifier> create(Iterable<CredentialVerifierProvider> available, List<String> enabled,
                                           VerifierContext context, Map<String, Map<String, String>> settings) {
        Map<String, CredentialVerifierProvider> byId = new TreeMap<>();
        for (CredentialVerifierProvider provider : available) {
            CredentialVerifierProvider previous = byId.putIfAbsent(provider.id(), provider);
            if (previous != null) {
                throw new IllegalStateException("Two authentication methods share the id '" + provider.id() + "': "
                        + previous.getClass().getName() + " and " + provider.getClass().getName());
            }
        }
        List<CredentialVerifier> verifiers = new ArrayList<>();
        for (String id : enabled) {
            CredentialVerifierProvider provider = byId.get(id);
            if (provider == null) {
                throw new ConfigurationException("Invalid configuration WARDEN_AUTH_METHODS (warden.auth.methods): "
                        + "unknown authentication method '" + id + "', known: " + String.join(", ", byId.keySet()));
            }
            verifiers.add(provider.create(context.withSettings(settings.getOrDefault(id, Map.of()))));
        }
        return verifiers;
    }
}
