package dev.warden.domain.token;

/**
 * The stored form of a secret: a hash in PHC string format, e.g.
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}.
 */
public record SecretHash(String phc) {
    public SecretHash {
        if (phc == null || !phc.startsWith("$") || phc.length() > 512) {
            throw new IllegalArgumentException("secret hash must be a PHC string");
        }
    }

    @Override
    public String toString() {
        // The hash is not a secret, but it has no business in logs either.
        return "SecretHash[" + phc.substring(0, phc.indexOf('$', 1) + 1) + "…]";
    }
}
