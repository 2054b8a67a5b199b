package dev.warden.application.auth;

import dev.warden.domain.principal.ClientPrincipal;
import dev.warden.domain.principal.Principal;

import java.util.Objects;

/** What a {@link CredentialVerifier} made of a credential. "No" is a value, not an exception. */
public sealed interface Verification {

    /** The credential is valid and names this principal. */
    record Verified(Principal principal, String method) implements Verification {
        public Verified {
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(method, "method");
        }
    }

    /** The credential is valid and names this API application (an OAuth client, not a user). */
    record VerifiedClient(ClientPrincipal client, String method) implements Verification {
        public VerifiedClient {
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(method, "method");
        }
    }

    /**
     * The credential is meant for this verifier and is not valid; the reason is for logs only.
     *
     * @param expired      true when the credential was genuine but past its expiry (the audit log records that)
     * @param credentialId the id of the stored credential it named ("" when unknown): never the secret
     * @param userId       the user of that credential (0 when unknown)
     */
    record Rejected(String reasonForLogs, boolean expired, String credentialId, long userId) implements Verification {
        public Rejected {
            Objects.requireNonNull(reasonForLogs, "reasonForLogs");
            credentialId = credentialId == null ? "" : credentialId;
        }

        public Rejected(String reasonForLogs) {
            this(reasonForLogs, false, "", 0);
        }

        /** A genuine credential used after its expiry. */
        public static Rejected expired(String reasonForLogs, String credentialId, long userId) {
            return new Rejected(reasonForLogs, true, credentialId, userId);
        }
    }

    /** The credential is not one this verifier understands; the next one may. */
    record Abstained() implements Verification {
    }

    Abstained ABSTAINED = new Abstained();
}
