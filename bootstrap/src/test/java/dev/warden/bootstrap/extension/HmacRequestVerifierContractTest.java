package dev.warden.bootstrap.extension;

import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.CredentialVerifierContract;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.RequestTarget;
import dev.warden.application.auth.Verification;
import dev.warden.application.fakes.FakePorts;
import dev.warden.domain.org.Organization;
import dev.warden.domain.serviceuser.ServiceUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The example HMAC method passes the contract of every verifier, and binds the signature to the request. */
class HmacRequestVerifierContractTest extends CredentialVerifierContract {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
    private static final RequestTarget REQUEST = new RequestTarget("GET", "/management/v1/orgs/me");

    private FakePorts ports;
    private CredentialVerifier verifier;
    private long now;

    @BeforeEach
    void setUp() {
        ports = new FakePorts();
        Organization org = ports.organization("ACME");
        ServiceUser user = ports.serviceUser(org, "hmac-bot");
        verifier = new HmacRequestVerifierProvider().create(ports.verifierContext(Map.of(
                "k1.secret", Base64.getEncoder().encodeToString(SECRET), "k1.user", Long.toString(user.id()),
                "max.skew.seconds", "60")));
        now = ports.verifierContext().clock().instant().getEpochSecond();
    }

    private PresentedCredential signed(String keyId, byte[] secret, RequestTarget request, long ts) {
        String header = HmacRequestVerifierProvider.authorization(keyId, secret, request.method(),
                request.pathAndQuery(), ts);
        return new PresentedCredential(HmacRequestVerifierProvider.SCHEME,
                header.substring(HmacRequestVerifierProvider.SCHEME.length() + 1), "", request);
    }

    @Override
    protected CredentialVerifier verifier() {
        return verifier;
    }

    @Override
    protected PresentedCredential validCredential() {
        return signed("k1", SECRET, REQUEST, now);
    }

    @Test
    void theSignatureCoversMethodPathAndTimestampAndTheKey() {
        PresentedCredential valid = validCredential();
        byte[] otherSecret = "fedcba9876543210fedcba9876543210".getBytes();

        assertThat(verifier.verify(valid.with(new RequestTarget("POST", REQUEST.pathAndQuery()))))
                .isInstanceOf(Verification.Rejected.class);
        assertThat(verifier.verify(valid.with(new RequestTarget("GET", "/management/v1/orgs/me?x=1"))))
                .isInstanceOf(Verification.Rejected.class);
        assertThat(verifier.verify(valid.with(RequestTarget.NONE))).isInstanceOf(Verification.Rejected.class);
        assertThat(verifier.verify(signed("k1", otherSecret, REQUEST, now))).isInstanceOf(Verification.Rejected.class);
        assertThat(verifier.verify(signed("k2", SECRET, REQUEST, now))).isInstanceOf(Verification.Rejected.class);
        String tamperedTs = valid.value().replace("ts=" + now, "ts=" + (now + 1));
        assertThat(verifier.verify(new PresentedCredential(valid.scheme(), tamperedTs, "", REQUEST)))
                .isInstanceOf(Verification.Rejected.class);
    }

    @Test
    void timestampsOutsideTheSkewAreRefusedEitherWay() {
        assertThat(verifier.verify(signed("k1", SECRET, REQUEST, now - 60))).isInstanceOf(Verification.Verified.class);
        assertThat(verifier.verify(signed("k1", SECRET, REQUEST, now - 61))).isInstanceOf(Verification.Rejected.class);
        assertThat(verifier.verify(signed("k1", SECRET, REQUEST, now + 61))).isInstanceOf(Verification.Rejected.class);
    }
}
