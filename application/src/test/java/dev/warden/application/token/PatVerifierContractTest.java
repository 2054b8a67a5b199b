package dev.warden.application.token;

import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.CredentialVerifierContract;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.fakes.FakePorts;
import dev.warden.domain.org.Organization;
import dev.warden.domain.serviceuser.ServiceUser;
import org.junit.jupiter.api.BeforeEach;

/** The PAT verifier passes the contract of every credential verifier. */
class PatVerifierContractTest extends CredentialVerifierContract {

    private CredentialVerifier verifier;
    private PresentedCredential valid;

    @BeforeEach
    void setUp() {
        FakePorts ports = new FakePorts();
        Organization org = ports.organization("ACME");
        ServiceUser user = ports.serviceUser(org, "ci-bot");
        valid = new PresentedCredential("Bearer", ports.issuePersonalAccessToken(user, null).token());
        verifier = new PatVerifierProvider().create(ports.verifierContext());
    }

    @Override
    protected CredentialVerifier verifier() {
        return verifier;
    }

    @Override
    protected PresentedCredential validCredential() {
        return valid;
    }
}
