package dev.warden.bootstrap.extension;

import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.CredentialVerifierProvider;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.RequestTarget;
import dev.warden.application.auth.Verification;
import dev.warden.application.auth.VerifierContext;
import dev.warden.domain.principal.Principal;
import dev.warden.domain.serviceuser.ServiceUser;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A test-only authentication method that signs the request itself, walked through in
 * docs/extending-authentication.md: {@code Authorization: Warden-HMAC keyId=<id>, ts=<epoch
 * seconds>, sig=<base64url HMAC-SHA256>} over {@code METHOD \n path-and-query \n ts} with the key's
 * secret. Settings under {@code warden.auth.example-hmac}: {@code <keyId>.secret} (base64, at least
 * 32 bytes), {@code <keyId>.user} (the service user it acts as), {@code max.skew.seconds}
 * (default 300). An example, not a production method: it has no replay guard within the skew.
 */
public final class HmacRequestVerifierProvider implements CredentialVerifierProvider {

    public static final String ID = "example-hmac";
    public static final String SCHEME = "Warden-HMAC";
    static final int MIN_SECRET_BYTES = 32;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CredentialVerifier create(VerifierContext context) {
        Map<String, Key> keys = new HashMap<>();
        context.settings().forEach((name, value) -> {
            if (name.endsWith(".secret")) {
                String keyId = name.substring(0, name.length() - ".secret".length());
                byte[] secret = Base64.getDecoder().decode(value.strip());
                if (secret.length < MIN_SECRET_BYTES) {
                    throw new IllegalStateException("warden.auth." + ID + "." + keyId + ".secret must be at least "
                            + MIN_SECRET_BYTES + " bytes");
                }
                long user = Long.parseLong(context.setting(keyId + ".user").orElseThrow(() ->
                        new IllegalStateException("warden.auth." + ID + "." + keyId + ".user is required")).strip());
                keys.put(keyId, new Key(secret, user));
            }
        });
        if (keys.isEmpty()) {
            throw new IllegalStateException("warden.auth." + ID + ".<keyId>.secret: at least one key is required");
        }
        Duration skew = Duration.ofSeconds(Long.parseLong(context.setting("max.skew.seconds").orElse("300").strip()));
        return new HmacRequestVerifier(context, Map.copyOf(keys), skew);
    }

    /** Signs a request as a client of this method would; for tests and the how-to. */
    public static String authorization(String keyId, byte[] secret, String method, String pathAndQuery,
                                       long epochSeconds) {
        return SCHEME + " keyId=" + keyId + ", ts=" + epochSeconds + ", sig="
                + Base64.getUrlEncoder().withoutPadding().encodeToString(
                        hmac(secret, signingInput(method, pathAndQuery, epochSeconds)));
    }

    static byte[] signingInput(String method, String pathAndQuery, long epochSeconds) {
        return (method + "\n" + pathAndQuery + "\n" + epochSeconds).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] hmac(byte[] secret, byte[] input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }

    private record Key(byte[] secret, long userId) {
    }

    /** Stateless apart from its settings; {@link Mac} instances are made per call (they are not thread-safe). */
    private static final class HmacRequestVerifier implements CredentialVerifier {

        private static final Pattern FORMAT = Pattern.compile(
                "keyId=([A-Za-z0-9_-]{1,64}), ts=([0-9]{1,12}), sig=([A-Za-z0-9_-]{43})");

        private final VerifierContext context;
        private final Map<String, Key> keys;
        private final Duration skew;

        HmacRequestVerifier(VerifierContext context, Map<String, Key> keys, Duration skew) {
            this.context = context;
            this.keys = keys;
            this.skew = skew;
        }

        @Override
        public String scheme() {
            return SCHEME;
        }

        @Override
        public Verification verify(PresentedCredential credential) {
            Matcher m = FORMAT.matcher(credential.value());
            if (!m.matches()) {
                return new Verification.Rejected("malformed " + SCHEME + " credential");
            }
            RequestTarget request = credential.request();
            if (request.isNone()) {
                return new Verification.Rejected(SCHEME + " needs the request it signs");
            }
            Key key = keys.get(m.group(1));
            if (key == null) {
                return new Verification.Rejected("unknown " + SCHEME + " key id");
            }
            long ts = Long.parseLong(m.group(2));
            Instant now = context.clock().instant();
            if (Duration.between(Instant.ofEpochSecond(ts), now).abs().compareTo(skew) > 0) {
                return new Verification.Rejected(SCHEME + " timestamp outside the allowed skew");
            }
            // Compared as canonical text: decoding would ignore the last character's spare bits.
            byte[] expected = Base64.getUrlEncoder().withoutPadding().encode(
                    hmac(key.secret(), signingInput(request.method(), request.pathAndQuery(), ts)));
            if (!MessageDigest.isEqual(expected, m.group(3).getBytes(StandardCharsets.US_ASCII))) {
                return new Verification.Rejected(SCHEME + " signature mismatch");
            }
            Optional<ServiceUser> user = context.users().findById(key.userId()).filter(ServiceUser::canAuthenticate);
            return user.<Verification>map(u -> new Verification.Verified(
                            new Principal(u.id(), u.orgId(), ID + ":" + m.group(1), ID, Instant.MAX), ID))
                    .orElseGet(() -> new Verification.Rejected(SCHEME + " user cannot authenticate"));
        }
    }
}
