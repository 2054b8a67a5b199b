package dev.warden.bootstrap.extension;

import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.CredentialVerifierProvider;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.domain.principal.Principal;
import dev.warden.application.auth.Verification;
import dev.warden.application.auth.VerifierContext;
import dev.warden.domain.serviceuser.ServiceUser;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;

/**
 * A test-only authentication method, added exactly as docs/authentication-methods.md says: one
 * provider class, one line in META-INF/services, its id in {@code warden.auth.methods}, its
 * settings under {@code warden.auth.example-static-key}. It accepts {@code Bearer example_…}
 * equal to the configured key and acts as the configured user.
 */
public final class StaticKeyVerifierProvider implements CredentialVerifierProvider {

    public static final String ID = "example-static-key";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CredentialVerifier create(VerifierContext context) {
        byte[] key = context.setting("key").orElseThrow(() -> new IllegalStateException("key is required"))
                .getBytes(StandardCharsets.UTF_8);
        long userId = Long.parseLong(context.setting("user").orElseThrow());
        return new StaticKeyVerifier(context, key, userId);
    }

    private static final class StaticKeyVerifier implements CredentialVerifier {
        private final VerifierContext context;
        private final byte[] key;
        private final long userId;

        StaticKeyVerifier(VerifierContext context, byte[] key, long userId) {
            this.context = context;
            this.key = key;
            this.userId = userId;
        }

        @Override
        public String scheme() {
            return "Bearer";
        }

        @Override
        public Verification verify(PresentedCredential credential) {
            if (!credential.value().startsWith("example_")) {
                return Verification.ABSTAINED;
            }
            if (!MessageDigest.isEqual(key, credential.value().getBytes(StandardCharsets.UTF_8))) {
                return new Verification.Rejected("wrong example key");
            }
            Optional<ServiceUser> user = context.users().findById(userId).filter(ServiceUser::canAuthenticate);
            return user.<Verification>map(u -> new Verification.Verified(
                            new Principal(u.id(), u.orgId(), ID, ID, Instant.MAX), ID))
                    .orElseGet(() -> new Verification.Rejected("example user cannot authenticate"));
        }
    }
}
