package dev.warden.persistence.crypto;

import dev.warden.domain.token.SecretHash;
import dev.warden.persistence.signing.MasterKey;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HmacSecretHasherTest {

    private static final byte[] SECRET = "wdn_pat_correct-horse-battery-staple".getBytes(StandardCharsets.UTF_8);
    private static final byte[] KEY = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f"
            + "101112131415161718191a1b1c1d1e1f");

    private final HmacSecretHasher hasher = new HmacSecretHasher(KEY);

    @Test
    void hashIsAPhcStringNamingAlgorithmVersionAndKey() {
        SecretHash hash = hasher.hash(SECRET);

        assertThat(hash.phc()).matches("\\$hmac-sha256\\$v=1\\$k=[A-Za-z0-9+/]{8}\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(hash.phc()).startsWith("$hmac-sha256$v=1$k=" + hasher.keyId() + "$");
    }

    @Test
    void hashIsTheHmacOfSaltAndSecretUnderTheKey() throws Exception {
        String[] parts = hasher.hash(SECRET).phc().split("\\$");
        byte[] salt = Base64.getDecoder().decode(parts[4]);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        mac.update(salt);

        assertThat(Base64.getDecoder().decode(parts[5])).isEqualTo(mac.doFinal(SECRET));
    }

    @Test
    void roundTripAcceptsTheSecretAndRefusesAnyOther() {
        SecretHash hash = hasher.hash(SECRET);
        byte[] wrong = SECRET.clone();
        wrong[wrong.length - 1] ^= 1;

        assertThat(hasher.verify(hash, SECRET)).isTrue();
        assertThat(hasher.verify(hash, wrong)).isFalse();
        assertThat(hasher.verify(hash, new byte[0])).isFalse();
    }

    @Test
    void sameSecretHashesDifferentlyEachTime() {
        assertThat(hasher.hash(SECRET)).isNotEqualTo(hasher.hash(SECRET));
    }

    @Test
    void callersSecretIsLeftIntact() {
        byte[] secret = SECRET.clone();

        hasher.verify(hasher.hash(secret), secret);

        assertThat(secret).isEqualTo(SECRET);
    }

    @Test
    void everyTamperedCharacterOfTheHashIsRefused() {
        String phc = hasher.hash(SECRET).phc();
        for (int i = 1; i < phc.length(); i++) {
            char c = phc.charAt(i);
            char replacement = c == 'A' ? 'B' : 'A';
            SecretHash tampered = new SecretHash(phc.substring(0, i) + replacement + phc.substring(i + 1));
            assertThat(hasher.verify(tampered, SECRET)).as("tampered at %d: %s", i, tampered.phc()).isFalse();
        }
    }

    @Test
    void truncatedExtendedAndMalformedHashesAreRefusedWithoutAnException() {
        String phc = hasher.hash(SECRET).phc();
        String prefix = "$hmac-sha256$v=1$k=" + hasher.keyId() + "$";

        assertThat(hasher.verify(new SecretHash(phc.substring(0, phc.length() - 4)), SECRET)).isFalse();
        assertThat(hasher.verify(new SecretHash(phc + "AAAA"), SECRET)).isFalse();
        assertThat(hasher.verify(new SecretHash(phc + "$x"), SECRET)).isFalse();
        assertThat(hasher.verify(new SecretHash(prefix + "!!!!$!!!!"), SECRET)).isFalse();
        assertThat(hasher.verify(new SecretHash(prefix), SECRET)).isFalse();
        assertThat(hasher.verify(new SecretHash("$hmac-sha256$v=2$k=" + hasher.keyId() + phc.substring(prefix.length() - 1)),
                SECRET)).isFalse();
    }

    @Test
    void hashOfAnotherKeyIsRefusedAndNeedsRehash() {
        HmacSecretHasher other = new HmacSecretHasher(MasterKey.generate().deriveKey(HmacSecretHasher.KEY_PURPOSE));
        SecretHash foreign = other.hash(SECRET);

        assertThat(other.keyId()).isNotEqualTo(hasher.keyId());
        assertThat(hasher.verify(foreign, SECRET)).isFalse();
        assertThat(hasher.needsRehash(foreign)).isTrue();
        // Even with this key's id written over the other's, the other key's MAC does not verify.
        SecretHash relabelled = new SecretHash(foreign.phc().replace("k=" + other.keyId(), "k=" + hasher.keyId()));
        assertThat(hasher.verify(relabelled, SECRET)).isFalse();
    }

    @Test
    void needsRehashIsFalseOnlyForItsOwnFormatAndKey() {
        assertThat(hasher.needsRehash(hasher.hash(SECRET))).isFalse();
        assertThat(hasher.needsRehash(new SecretHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA"))).isTrue();
        assertThat(hasher.needsRehash(new SecretHash("$hmac-sha256$v=2$k=" + hasher.keyId() + "$a$b"))).isTrue();
    }

    @Test
    void theKeyFromTheSameMasterKeyIsTheSameOnEveryNode() {
        MasterKey master = MasterKey.generate();
        HmacSecretHasher nodeA = HmacSecretHasher.fromMasterKey(master);
        HmacSecretHasher nodeB = HmacSecretHasher.fromMasterKey(master);

        assertThat(nodeB.keyId()).isEqualTo(nodeA.keyId());
        assertThat(nodeB.verify(nodeA.hash(SECRET), SECRET)).isTrue();
        assertThat(HmacSecretHasher.fromMasterKey(MasterKey.generate()).verify(nodeA.hash(SECRET), SECRET)).isFalse();
    }

    @Test
    void keyOfAnotherLengthIsRefused() {
        assertThatThrownBy(() -> new HmacSecretHasher(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
