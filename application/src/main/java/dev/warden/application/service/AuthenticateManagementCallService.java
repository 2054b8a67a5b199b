package dev.warden.application.service;

import dev.warden.application.auth.CredentialSchemes;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.Verification;
import dev.warden.application.port.in.AuthenticateUseCase;
import dev.warden.application.port.out.InstanceRepository;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Authenticates calls of the management and admin APIs: the enabled methods verify the
 * credential, and the credential must be meant for these APIs. Their audience id is the instance
 * id (a token gets it with the scope {@code urn:zitadel:iam:org:project:id:zitadel:aud}); PATs are
 * valid for every audience. A token for another audience is refused like an invalid one.
 */
public final class AuthenticateManagementCallService implements AuthenticateUseCase {

    private final AuthenticateUseCase methods;
    private final InstanceRepository instances;

    /** @param methods the enabled authentication methods (the plain verifier chain) */
    public AuthenticateManagementCallService(AuthenticateUseCase methods, InstanceRepository instances) {
        this.methods = methods;
        this.instances = instances;
    }

    /** The OAuth endpoints' own credentials (client secrets, assertions) are no way to call these APIs. */
    private static final Set<String> OAUTH_ONLY = Set.of(CredentialSchemes.CLIENT_SECRET,
            CredentialSchemes.JWT_BEARER_GRANT, CredentialSchemes.CLIENT_ASSERTION, CredentialSchemes.API_CLIENT_SECRET,
            CredentialSchemes.API_CLIENT_ASSERTION);

    @Override
    public Set<String> schemes() {
        Set<String> schemes = new LinkedHashSet<>();
        for (String scheme : methods.schemes()) {
            if (OAUTH_ONLY.stream().noneMatch(scheme::equalsIgnoreCase)) {
                schemes.add(scheme);
            }
        }
        return Collections.unmodifiableSet(schemes);
    }

    @Override
    public Verification authenticate(PresentedCredential credential) {
        if (OAUTH_ONLY.stream().anyMatch(credential.scheme()::equalsIgnoreCase)) {
            return Verification.ABSTAINED;
        }
        Verification verification = methods.authenticate(credential);
        if (verification instanceof Verification.Verified verified && !verified.principal().token().anyAudience()) {
            boolean forManagement = instances.find()
                    .map(instance -> verified.principal().token().isFor(Long.toString(instance.id())))
                    .orElse(false);
            if (!forManagement) {
                return new Verification.Rejected("credential " + verified.principal().credentialId()
                        + " is not meant for the management API (audience)");
            }
        }
        if (verification instanceof Verification.VerifiedClient) {
            // An API application is no caller of the management API.
            return new Verification.Rejected("API application credentials do not call the management API");
        }
        return verification;
    }
}
