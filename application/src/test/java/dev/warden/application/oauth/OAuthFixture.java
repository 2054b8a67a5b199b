package dev.warden.application.oauth;

import dev.warden.application.auth.CredentialSchemes;
import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.fakes.FakePorts;
import dev.warden.application.fakes.FakeJwtAssertions;
import dev.warden.application.fakes.FakeRsaKeyGenerator;
import dev.warden.application.service.AuthenticateService;
import dev.warden.domain.instance.Instance;
import dev.warden.domain.key.MachineKey;
import dev.warden.domain.oauth.AssertionClaims;
import dev.warden.domain.org.Organization;
import dev.warden.domain.serviceuser.ClientSecret;
import dev.warden.domain.serviceuser.MachineSecret;
import dev.warden.domain.serviceuser.ServiceUser;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A world for the OAuth tests: the instance, an organization with a service user that has a
 * client secret and a machine key, and the verifiers of the OAuth methods created through their
 * providers (the extension point), as the composition root creates them.
 */
public final class OAuthFixture {

    public final FakePorts ports = new FakePorts();
    public final Organization org = ports.organization("ACME");
    public final Instance instance = ports.instance(org);
    public final ServiceUser user = ports.serviceUser(org, "robot");
    public final String secret = ClientSecret.generate().value();
    public final KeyPair keyPair = FakeRsaKeyGenerator.pair(0);
    public final MachineKey key;

    public OAuthFixture() {
        ports.secrets.save(MachineSecret.create(user.id(), ports.hasher.hash(secret.getBytes(StandardCharsets.UTF_8)),
                ports.clock.instant()));
        key = ports.machineKeys.save(MachineKey.create(ports.ids.nextId(), user.id(), org.id(),
                (RSAPublicKey) keyPair.getPublic(), null, ports.clock.instant()));
    }

    /** The verifiers of every built-in method, PAT first, as configured by default. */
    public List<CredentialVerifier> verifiers() {
        return List.of(
                new dev.warden.application.token.PatVerifierProvider().create(ports.verifierContext()),
                new AccessTokenVerifierProvider().create(ports.verifierContext()),
                new ClientSecretVerifierProvider().create(ports.verifierContext()),
                new JwtProfileVerifierProvider().create(ports.verifierContext()),
                new PrivateKeyJwtVerifierProvider().create(ports.verifierContext()));
    }

    public AuthenticateService authenticate() {
        return new AuthenticateService(verifiers());
    }

    public AccessTokenIssuer issuer() {
        return new AccessTokenIssuer(ports.accessTokens, ports.users, ports.organizations, ports.instances,
                ports.signingKeys, ports.roleGrants, ports.ids, ports.clock, ports.oauth);
    }

    /** The user's {@code private_key_jwt} client authentication: a fresh assertion as client_assertion. */
    public PresentedCredential clientAssertion() {
        return new PresentedCredential(CredentialSchemes.CLIENT_ASSERTION, assertion());
    }

    public PresentedCredential clientSecret(String clientId, String presentedSecret) {
        return new PresentedCredential(CredentialSchemes.CLIENT_SECRET, presentedSecret, clientId);
    }

    /** A valid assertion of the user, signed with its key, fresh jti. */
    public String assertion() {
        return assertion(header("RS256", Long.toString(key.id())), claims(300, UUID.randomUUID().toString()),
                keyPair);
    }

    public String assertion(Map<String, Object> header, AssertionClaims claims, KeyPair signer) {
        return ports.assertions.assertion(header, claims, signer.getPrivate());
    }

    public AssertionClaims claims(long lifetimeSeconds, String jti) {
        return FakeJwtAssertions.claims(user.id(), FakePorts.ISSUER, ports.clock.instant(), lifetimeSeconds, jti);
    }

    public static Map<String, Object> header(String alg, String kid) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", alg);
        header.put("kid", kid);
        return header;
    }

    public String managementAudience() {
        return Long.toString(instance.id());
    }
}
