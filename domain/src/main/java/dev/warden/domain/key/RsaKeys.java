package dev.warden.domain.key;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Conversions between the JDK's RSA keys and the PEM texts of machine keys: public keys as PKIX
 * ({@code SubjectPublicKeyInfo}, what ZITADEL accepts), private keys as PKCS#1
 * ({@code -----BEGIN RSA PRIVATE KEY-----}, what ZITADEL's key files and SDKs use). The JDK encodes
 * private keys as PKCS#8, which wraps the PKCS#1 structure; the wrapper is added and removed here.
 *
 * <p>Parsing never throws on garbage: anything that is not exactly one well-formed PEM block of
 * the expected kind, in canonical DER, is empty.
 */
public final class RsaKeys {

    /** Smaller keys are refused: NIST SP 800-131A disallows RSA below 2048 bits. */
    public static final int MIN_MODULUS_BITS = 2048;
    /** The JDK's own limit for RSA keys. */
    public static final int MAX_MODULUS_BITS = 16384;
    /** Longer PEM input is refused before it is decoded (a 16384-bit public key is about 2.9 KB). */
    public static final int MAX_PEM_BYTES = 16 * 1024;

    static final String PUBLIC_KEY_LABEL = "PUBLIC KEY";
    /** ZITADEL writes PKIX public keys under this label; a client may send one back. */
    static final String RSA_PUBLIC_KEY_LABEL = "RSA PUBLIC KEY";
    static final String RSA_PRIVATE_KEY_LABEL = "RSA PRIVATE KEY";

    /** AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }, as DER. */
    private static final byte[] RSA_ENCRYPTION = {
            0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01,
            0x05, 0x00};
    /** INTEGER 0: the version of PKCS#8 PrivateKeyInfo and of a two-prime PKCS#1 RSAPrivateKey. */
    private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};
    private static final Base64.Encoder PEM_BASE64 = Base64.getMimeEncoder(64, new byte[] {'\n'});

    private RsaKeys() {
    }

    /**
     * The RSA public key in a PEM text of PKIX ({@code SubjectPublicKeyInfo}) content, labelled
     * {@code PUBLIC KEY} or {@code RSA PUBLIC KEY}; empty for anything else, PKCS#1 content included.
     * Says nothing about the key's size: see {@link #hasAcceptableSize}.
     */
    public static Optional<RSAPublicKey> parsePublicKeyPem(byte[] pem) {
        return ascii(pem).flatMap(RsaKeys::parsePublicKeyPem);
    }

    /** As {@link #parsePublicKeyPem(byte[])}, for a text. */
    public static Optional<RSAPublicKey> parsePublicKeyPem(String pem) {
        return pemBody(pem, Set.of(PUBLIC_KEY_LABEL, RSA_PUBLIC_KEY_LABEL)).flatMap(RsaKeys::parsePkix);
    }

    /** Whether the key is big enough to be accepted: {@value #MIN_MODULUS_BITS} to {@value #MAX_MODULUS_BITS} bits. */
    public static boolean hasAcceptableSize(RSAPublicKey key) {
        int bits = key.getModulus().bitLength();
        return bits >= MIN_MODULUS_BITS && bits <= MAX_MODULUS_BITS;
    }

    /** The key as PKIX PEM, {@code -----BEGIN PUBLIC KEY-----}, in 64-character lines ending in a newline. */
    public static String publicKeyPem(RSAPublicKey key) {
        return pem(PUBLIC_KEY_LABEL, key.getEncoded());
    }

    /** The key as PKCS#1 PEM, {@code -----BEGIN RSA PRIVATE KEY-----}, as ZITADEL's key files carry it. */
    public static String privateKeyPkcs1Pem(RSAPrivateCrtKey key) {
        byte[] pkcs8 = key.getEncoded();
        byte[] pkcs1 = pkcs1FromPkcs8(pkcs8);
        try {
            return pem(RSA_PRIVATE_KEY_LABEL, pkcs1);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
            Arrays.fill(pkcs1, (byte) 0);
        }
    }

    /** The private key in a PKCS#1 PEM text ({@code RSA PRIVATE KEY}); empty for anything else. */
    public static Optional<RSAPrivateCrtKey> parsePrivateKeyPkcs1Pem(String pem) {
        Optional<byte[]> pkcs1 = pemBody(pem, Set.of(RSA_PRIVATE_KEY_LABEL));
        if (pkcs1.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] pkcs8 = pkcs8FromPkcs1(pkcs1.get());
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            Arrays.fill(pkcs8, (byte) 0);
            return key instanceof RSAPrivateCrtKey crt ? Optional.of(crt) : Optional.empty();
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        } finally {
            Arrays.fill(pkcs1.get(), (byte) 0);
        }
    }

    /**
     * The PKCS#1 {@code RSAPrivateKey} inside a PKCS#8 {@code PrivateKeyInfo} of an RSA key:
     * {@code SEQUENCE { INTEGER 0, rsaEncryption, OCTET STRING { RSAPrivateKey } }}.
     *
     * @throws IllegalArgumentException for anything else (another algorithm, attributes, trailing bytes)
     */
    static byte[] pkcs1FromPkcs8(byte[] pkcs8) {
        Der.Reader outer = new Der.Reader(pkcs8);
        Der.Reader info = outer.nested(Der.SEQUENCE);
        if (!outer.atEnd()) {
            throw new IllegalArgumentException("bytes after the PKCS#8 structure");
        }
        byte[] version = info.nextEncoded(Der.INTEGER);
        byte[] algorithm = info.nextEncoded(Der.SEQUENCE);
        if (!Arrays.equals(version, VERSION_0) || !Arrays.equals(algorithm, RSA_ENCRYPTION)) {
            throw new IllegalArgumentException("not a version 0 PKCS#8 structure of an RSA key");
        }
        byte[] pkcs1 = info.next(Der.OCTET_STRING);
        if (!info.atEnd()) {
            throw new IllegalArgumentException("unexpected attributes in the PKCS#8 structure");
        }
        requirePkcs1(pkcs1);
        return pkcs1;
    }

    /** The PKCS#8 {@code PrivateKeyInfo} wrapping a PKCS#1 {@code RSAPrivateKey}, as the JDK reads it. */
    static byte[] pkcs8FromPkcs1(byte[] pkcs1) {
        requirePkcs1(pkcs1);
        return Der.element(Der.SEQUENCE, VERSION_0, RSA_ENCRYPTION, Der.element(Der.OCTET_STRING, pkcs1));
    }

    /** A two-prime {@code RSAPrivateKey}: a SEQUENCE of version 0 and eight integers, nothing more. */
    private static void requirePkcs1(byte[] pkcs1) {
        Der.Reader outer = new Der.Reader(pkcs1);
        Der.Reader key = outer.nested(Der.SEQUENCE);
        if (!outer.atEnd() || !Arrays.equals(key.nextEncoded(Der.INTEGER), VERSION_0)) {
            throw new IllegalArgumentException("not a two-prime PKCS#1 RSA private key");
        }
        for (int i = 0; i < 8; i++) {
            if (new BigInteger(key.next(Der.INTEGER)).signum() <= 0) {
                throw new IllegalArgumentException("PKCS#1 values must be positive");
            }
        }
        if (!key.atEnd()) {
            throw new IllegalArgumentException("not a two-prime PKCS#1 RSA private key");
        }
    }

    private static Optional<RSAPublicKey> parsePkix(byte[] der) {
        try {
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            if (!(key instanceof RSAPublicKey rsa) || !"RSA".equals(rsa.getAlgorithm()) || rsa.getParams() != null
                    // Canonical DER only: one key, one encoding (as Go's x509 parser, which ZITADEL uses).
                    || !Arrays.equals(rsa.getEncoded(), der)
                    // An even exponent cannot belong to an RSA key pair.
                    || !rsa.getPublicExponent().testBit(0)) {
                return Optional.empty();
            }
            return Optional.of(rsa);
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + PEM_BASE64.encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    private static Optional<String> ascii(byte[] bytes) {
        if (bytes == null || bytes.length > MAX_PEM_BYTES) {
            return Optional.empty();
        }
        char[] chars = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                return Optional.empty();
            }
            chars[i] = (char) bytes[i];
        }
        return Optional.of(new String(chars));
    }

    /**
     * The DER bytes of the one PEM block in {@code text} whose label is one of {@code labels}:
     * surrounding whitespace allowed, no encapsulated headers, base64 lines of any length.
     */
    private static Optional<byte[]> pemBody(String text, Set<String> labels) {
        if (text == null || text.length() > MAX_PEM_BYTES) {
            return Optional.empty();
        }
        String pem = text.strip();
        String begin = "-----BEGIN ";
        if (!pem.startsWith(begin)) {
            return Optional.empty();
        }
        int labelEnd = pem.indexOf("-----", begin.length());
        if (labelEnd < 0) {
            return Optional.empty();
        }
        String label = pem.substring(begin.length(), labelEnd);
        String end = "-----END " + label + "-----";
        int bodyStart = labelEnd + 5;
        if (!labels.contains(label) || !pem.endsWith(end) || pem.length() - end.length() < bodyStart) {
            return Optional.empty();
        }
        String body = pem.substring(bodyStart, pem.length() - end.length());
        StringBuilder base64 = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\n' || c == '\r' || c == ' ' || c == '\t') {
                continue;
            }
            boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/' || c == '=';
            if (!alphabet) {
                return Optional.empty();
            }
            base64.append(c);
        }
        try {
            byte[] der = Base64.getDecoder().decode(base64.toString());
            return der.length == 0 ? Optional.empty() : Optional.of(der);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
