package dev.warden.persistence.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.warden.domain.key.RsaKeys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The algorithms Warden signs its tokens with, one per key: RS256 (RSA 2048, the default, which
 * every OpenID Connect client must accept) or ES256 (ECDSA on P-256, whose signatures cost a small
 * fraction of RSA's CPU). A key's algorithm is stored with it and pinned: a token is verified only
 * with the algorithm of the key its {@code kid} names.
 */
public enum SigningAlgorithm {

    RS256(JWSAlgorithm.RS256, "RSA"),
    ES256(JWSAlgorithm.ES256, "EC");

    /** RSA modulus bits of new RS256 keys. */
    static final int RSA_KEY_BITS = 2048;
    private static final String PUBLIC_KEY_BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String PUBLIC_KEY_END = "-----END PUBLIC KEY-----";

    private final JWSAlgorithm jws;
    private final String keyFactory;

    SigningAlgorithm(JWSAlgorithm jws, String keyFactory) {
        this.jws = jws;
        this.keyFactory = keyFactory;
    }

    /** As configured ({@code RS256}, {@code ES256}, any case). */
    public static Optional<SigningAlgorithm> fromName(String name) {
        String wanted = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.name().equals(wanted)).findFirst();
    }

    JWSAlgorithm jwsAlgorithm() {
        return jws;
    }

    KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(keyFactory);
            if (this == RS256) {
                generator.initialize(RSA_KEY_BITS);
            } else {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(keyFactory + " key generation is required of every JDK", e);
        }
    }

    /** The algorithm of a key pair made by {@link #generateKeyPair()} (or handed in by a test). */
    static SigningAlgorithm of(KeyPair pair) {
        if (pair.getPublic() instanceof RSAPublicKey) {
            return RS256;
        }
        if (pair.getPublic() instanceof ECPublicKey) {
            return ES256;
        }
        throw new IllegalArgumentException("signing keys are RSA or EC keys");
    }

    JWSSigner signer(PrivateKey key) {
        try {
            return this == RS256 ? new RSASSASigner(key) : new ECDSASigner((ECPrivateKey) key);
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable " + this + " signing key", e);
        }
    }

    JWSVerifier verifier(PublicKey key) {
        try {
            return this == RS256 ? new RSASSAVerifier((RSAPublicKey) key) : new ECDSAVerifier((ECPublicKey) key);
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable " + this + " public key", e);
        }
    }

    /** The JWKS member: public parameters only. */
    JWK publicJwk(PublicKey key, String kid) {
        JWK jwk = this == RS256
                ? new RSAKey.Builder((RSAPublicKey) key).keyUse(KeyUse.SIGNATURE).keyID(kid).algorithm(jws).build()
                : new ECKey.Builder(Curve.P_256, (ECPublicKey) key).keyUse(KeyUse.SIGNATURE).keyID(kid)
                        .algorithm(jws).build();
        return jwk.toPublicJWK();
    }

    /** PKIX PEM, as stored; RSA keys exactly as before there was a second algorithm. */
    String publicKeyPem(PublicKey key) {
        if (this == RS256) {
            return RsaKeys.publicKeyPem((RSAPublicKey) key);
        }
        return PUBLIC_KEY_BEGIN + "\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n" + PUBLIC_KEY_END + "\n";
    }

    Optional<PublicKey> parsePublicKeyPem(String pem) {
        if (this == RS256) {
            return RsaKeys.parsePublicKeyPem(pem).map(PublicKey.class::cast);
        }
        String body = pem.strip();
        if (!body.startsWith(PUBLIC_KEY_BEGIN) || !body.endsWith(PUBLIC_KEY_END)) {
            return Optional.empty();
        }
        body = body.substring(PUBLIC_KEY_BEGIN.length(), body.length() - PUBLIC_KEY_END.length());
        try {
            byte[] der = Base64.getMimeDecoder().decode(body.getBytes(StandardCharsets.US_ASCII));
            PublicKey key = KeyFactory.getInstance(keyFactory).generatePublic(new X509EncodedKeySpec(der));
            return key instanceof ECPublicKey ec && Curve.forECParameterSpec(ec.getParams()) == Curve.P_256
                    ? Optional.of(key) : Optional.empty();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    PrivateKey parsePrivateKey(byte[] pkcs8) throws GeneralSecurityException {
        PrivateKey key = KeyFactory.getInstance(keyFactory).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        if (this == RS256 ? !(key instanceof RSAPrivateKey) : !(key instanceof ECPrivateKey)) {
            throw new GeneralSecurityException("not a " + keyFactory + " private key");
        }
        return key;
    }
}
