package dev.warden.application.fakes;

import dev.warden.application.port.out.SigningKeys;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test double of {@link SigningKeys} that really signs: RS256 with its own 2048-bit RSA key (JDK
 * crypto). Having no JSON parser, it remembers the claims of every payload it signed; {@link
 * #verify} accepts exactly a JWS with its header and a valid signature of its key, and answers
 * the claims it signed — nobody else can produce such a signature.
 */
public final class FakeSigningKeys implements SigningKeys {

    public static final String KEY_ID = "test-signing-key";
    private static final KeyPair KEY = generate();

    private final ConcurrentMap<String, Map<String, Object>> signed = new ConcurrentHashMap<>();
    private final AtomicInteger signatures = new AtomicInteger();
    private final String header = TestJws.b64(TestJws.json(header()));

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> header() {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("kid", KEY_ID);
        return header;
    }

    @Override
    public String sign(Map<String, Object> claims) {
        String compact = TestJws.sign(header(), claims, KEY.getPrivate());
        signed.put(compact.split("\\.")[1], Map.copyOf(claims));
        signatures.incrementAndGet();
        return compact;
    }

    @Override
    public Optional<Map<String, Object>> verify(String compact) {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(header) || !TestJws.verifies(compact, KEY.getPublic())) {
            return Optional.empty();
        }
        return Optional.ofNullable(signed.get(parts[1]));
    }

    @Override
    public List<Map<String, Object>> publishedKeys() {
        RSAPublicKey key = (RSAPublicKey) KEY.getPublic();
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return List.of(Map.of("kty", "RSA", "use", "sig", "alg", "RS256", "kid", KEY_ID,
                "n", encoder.encodeToString(unsigned(key.getModulus().toByteArray())),
                "e", encoder.encodeToString(unsigned(key.getPublicExponent().toByteArray()))));
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    /** The public key, for tests that check a signature themselves. */
    public RSAPublicKey publicKey() {
        return (RSAPublicKey) KEY.getPublic();
    }

    /** The claims this signer put into {@code compact}, if it signed it. */
    public Optional<Map<String, Object>> claimsOf(String compact) {
        return verify(compact);
    }

    public int signatures() {
        return signatures.get();
    }
}
