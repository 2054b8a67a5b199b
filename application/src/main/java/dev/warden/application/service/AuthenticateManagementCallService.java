package dev.warden.application.service;

import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.Verification;
import dev.warden.application.port.in.AuthenticateUseCase;
import dev.warden.application.port.out.InstanceRepository;

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

    @Override
    public Verification authenticate(PresentedCredential credential) {
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
