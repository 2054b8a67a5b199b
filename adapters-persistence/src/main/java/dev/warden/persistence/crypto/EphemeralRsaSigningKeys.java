package dev.warden.persistence.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.warden.application.port.out.SigningKeys;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Driven adapter: one RS256 signing key made at start and held in memory only (Nimbus JOSE).
 *
 * <p>Real signatures, but a stop-gap: the key is neither stored, shared between nodes nor
 * rotated, so JWTs it signed (JWT access tokens, id tokens) stop verifying when the process
 * restarts, and another node cannot verify them. Opaque access tokens are unaffected. It stands
 * in until the persistent, rotating signing-key store replaces it in the composition root.
 */
public final class EphemeralRsaSigningKeys implements SigningKeys {

    /** Warden's JWTs are about 1 KB; longer strings are not verified at all. */
    static final int MAX_LENGTH = 8192;

    private final RSAKey key;
    private final RSASSASigner signer;
    private final RSASSAVerifier verifier;

    private EphemeralRsaSigningKeys(KeyPair pair) {
        this.key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).keyID(UUID.randomUUID().toString()).build();
        try {
            this.signer = new RSASSASigner(key);
            this.verifier = new RSASSAVerifier(key.toRSAPublicKey());
        } catch (JOSEException e) {
            throw new IllegalStateException("RSA signing is required of every JDK", e);
        }
    }

    /** A fresh 2048-bit key. */
    public static EphemeralRsaSigningKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new EphemeralRsaSigningKeys(generator.generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is required of every JDK", e);
        }
    }

    @Override
    public String sign(Map<String, Object> claims) {
        Objects.requireNonNull(claims, "claims");
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                    .keyID(key.getKeyID()).build(), JWTClaimsSet.parse(claims));
            jwt.sign(signer);
            return jwt.serialize();
        } catch (ParseException | JOSEException e) {
            throw new IllegalArgumentException("claims cannot be signed", e);
        }
    }

    @Override
    public Optional<Map<String, Object>> verify(String compact) {
        if (compact == null || compact.isEmpty() || compact.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(compact);
            JWSHeader header = jwt.getHeader();
            if (!JWSAlgorithm.RS256.equals(header.getAlgorithm()) || !key.getKeyID().equals(header.getKeyID())
                    || header.getCriticalParams() != null || header.getJWK() != null || header.getJWKURL() != null
                    || header.getX509CertURL() != null || header.getX509CertChain() != null
                    || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            return Optional.of(jwt.getJWTClaimsSet().toJSONObject());
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<Map<String, Object>> publishedKeys() {
        return List.of(key.toPublicJWK().toJSONObject());
    }
}
