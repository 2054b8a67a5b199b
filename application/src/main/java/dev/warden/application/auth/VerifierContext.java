package dev.warden.application.auth;

import dev.warden.application.port.out.AccessTokenRepository;
import dev.warden.application.port.out.ApiClientDirectory;
import dev.warden.application.port.out.VerifiedClientCache;
import dev.warden.application.port.out.AssertionReplayGuard;
import dev.warden.application.port.out.JwtAssertions;
import dev.warden.application.port.out.MachineKeyRepository;
import dev.warden.application.port.out.MachineSecretRepository;
import dev.warden.application.port.out.OrganizationRepository;
import dev.warden.application.port.out.PersonalAccessTokenRepository;
import dev.warden.application.port.out.SecretHasher;
import dev.warden.application.port.out.ServiceUserRepository;
import dev.warden.application.port.out.SigningKeys;
import dev.warden.application.port.out.TokenUsageRecorder;
import dev.warden.application.port.out.VerifiedCredentialCache;
import dev.warden.domain.oauth.AssertionRules;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link CredentialVerifierProvider} may use to build its verifier: the driven ports and
 * the method's own settings (configuration under {@code warden.auth.<id>}), and for the OAuth
 * methods the issuer (Warden's external URL) and the rules every client assertion passes.
 */
public record VerifierContext(Clock clock, OrganizationRepository organizations, ServiceUserRepository users,
                              PersonalAccessTokenRepository pats, SecretHasher hasher, VerifiedCredentialCache cache,
                              TokenUsageRecorder usage, Map<String, String> settings,
                              AccessTokenRepository accessTokens, MachineSecretRepository secrets,
                              MachineKeyRepository machineKeys, JwtAssertions assertions,
                              AssertionReplayGuard replayGuard, SigningKeys signingKeys, String issuer,
                              AssertionRules assertionRules, ApiClientDirectory apiClients,
                              VerifiedClientCache clientCache) {

    public VerifierContext {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(organizations, "organizations");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(pats, "pats");
        Objects.requireNonNull(hasher, "hasher");
        Objects.requireNonNull(cache, "cache");
        settings = Map.copyOf(settings);
        Objects.requireNonNull(accessTokens, "accessTokens");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(machineKeys, "machineKeys");
        Objects.requireNonNull(assertions, "assertions");
        Objects.requireNonNull(replayGuard, "replayGuard");
        Objects.requireNonNull(signingKeys, "signingKeys");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(assertionRules, "assertionRules");
        Objects.requireNonNull(apiClients, "apiClients");
        Objects.requireNonNull(clientCache, "clientCache");
    }

    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /** The same ports with another method's settings. */
    public VerifierContext withSettings(Map<String, String> methodSettings) {
        return new VerifierContext(clock, organizations, users, pats, hasher, cache, usage, methodSettings,
                accessTokens, secrets, machineKeys, assertions, replayGuard, signingKeys, issuer, assertionRules,
                apiClients, clientCache);
    }
}
