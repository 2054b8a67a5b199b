package dev.warden.persistence.crypto;

import dev.warden.domain.token.SecretHash;
import dev.warden.persistence.signing.MasterKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfiguredSecretHasherTest {

    private static final byte[] SECRET = "wdn_pat_cross-format".getBytes(StandardCharsets.UTF_8);
    private static final Argon2Settings DEFAULT_COST = new Argon2Settings(19_456, 2, 1, 1, 4);
    private static final Argon2Settings HIGHER_COST = new Argon2Settings(19_456, 3, 1, 1, 4);

    private final MasterKey masterKey = MasterKey.generate();
    private final ConfiguredSecretHasher argon2 = hasher(HashAlgorithm.ARGON2ID, DEFAULT_COST, masterKey);
    private final ConfiguredSecretHasher hmac = hasher(HashAlgorithm.HMAC_SHA256, DEFAULT_COST, masterKey);
    private final ConfiguredSecretHasher argon2HigherCost = hasher(HashAlgorithm.ARGON2ID, HIGHER_COST, masterKey);
    private final ConfiguredSecretHasher hmacOtherMasterKey = hasher(HashAlgorithm.HMAC_SHA256, DEFAULT_COST,
            MasterKey.generate());

    @AfterAll
    void close() {
        argon2.close();
        hmac.close();
        argon2HigherCost.close();
        hmacOtherMasterKey.close();
    }

    @Test
    void hashesWithTheConfiguredAlgorithm() {
        assertThat(argon2.hash(SECRET).phc()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hmac.hash(SECRET).phc()).startsWith("$hmac-sha256$v=1$k=");
        assertThat(argon2HigherCost.hash(SECRET).phc()).startsWith("$argon2id$v=19$m=19456,t=3,p=1$");
    }

    @Test
    void verifiesEveryKnownFormatWhateverIsConfigured() {
        SecretHash argon2Hash = argon2.hash(SECRET);
        SecretHash hmacHash = hmac.hash(SECRET);
        byte[] wrong = "wdn_pat_cross-formaT".getBytes(StandardCharsets.UTF_8);

        for (ConfiguredSecretHasher hasher : new ConfiguredSecretHasher[] {argon2, hmac, argon2HigherCost}) {
            assertThat(hasher.verify(argon2Hash, SECRET)).as("%s on argon2id", hasher).isTrue();
            assertThat(hasher.verify(hmacHash, SECRET)).as("%s on hmac", hasher).isTrue();
            assertThat(hasher.verify(argon2Hash, wrong)).as("%s on argon2id, wrong secret", hasher).isFalse();
            assertThat(hasher.verify(hmacHash, wrong)).as("%s on hmac, wrong secret", hasher).isFalse();
        }
    }

    @Test
    void hmacHashOfAnotherMasterKeyIsRefusedButArgon2idStillVerifies() {
        assertThat(hmacOtherMasterKey.verify(hmac.hash(SECRET), SECRET)).isFalse();
        assertThat(hmacOtherMasterKey.verify(argon2.hash(SECRET), SECRET)).isTrue();
    }

    @Test
    void unknownAndMalformedFormatsAreRefused() {
        assertThat(hmac.verify(new SecretHash("$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA"), SECRET)).isFalse();
        assertThat(hmac.verify(new SecretHash("$bcrypt$whatever"), SECRET)).isFalse();
        assertThat(argon2.verify(new SecretHash("$hmac-sha256$garbage"), SECRET)).isFalse();
        assertThat(hmac.verify(new SecretHash("$argon2id$garbage"), SECRET)).isFalse();
    }

    @Test
    void needsRehashWhenTheAlgorithmOrItsParametersDiffer() {
        SecretHash argon2Hash = argon2.hash(SECRET);
        SecretHash hmacHash = hmac.hash(SECRET);

        assertThat(argon2.needsRehash(argon2Hash)).isFalse();
        assertThat(argon2.needsRehash(hmacHash)).isTrue();
        assertThat(hmac.needsRehash(hmacHash)).isFalse();
        assertThat(hmac.needsRehash(argon2Hash)).isTrue();
        assertThat(argon2HigherCost.needsRehash(argon2Hash)).as("other argon2 parameters").isTrue();
        assertThat(argon2.needsRehash(argon2HigherCost.hash(SECRET))).as("a higher cost is brought to the configured")
                .isTrue();
        assertThat(hmacOtherMasterKey.needsRehash(hmacHash)).as("another key").isTrue();
        assertThat(argon2.needsRehash(new SecretHash("$unknown$x"))).isTrue();
    }

    @Test
    void rehashingWithTheConfiguredHasherEndsTheNeed() {
        SecretHash old = argon2.hash(SECRET);
        assertThat(hmac.verify(old, SECRET) && hmac.needsRehash(old)).isTrue();

        SecretHash fresh = hmac.hash(SECRET);

        assertThat(hmac.needsRehash(fresh)).isFalse();
        assertThat(hmac.verify(fresh, SECRET)).isTrue();
    }

    @Test
    void argon2OutcomesAreRememberedPerHashAndSecretSoArgon2RunsOncePerPair() {
        SecretHash stored = argon2.hash(SECRET);
        byte[] wrong = "wdn_pat_cross-formaT".getBytes(StandardCharsets.UTF_8);
        long before = argon2.rememberedVerifications();

        assertThat(argon2.verify(stored, SECRET)).isTrue();
        assertThat(argon2.verify(stored, wrong)).isFalse();
        assertThat(argon2.rememberedVerifications()).as("first verifications run argon2").isEqualTo(before);

        assertThat(argon2.verify(stored, SECRET)).isTrue();
        assertThat(argon2.verify(stored, wrong)).isFalse();
        assertThat(argon2.rememberedVerifications()).as("repeats are answered from memory").isEqualTo(before + 2);

        SecretHash rehashed = argon2.hash(SECRET);
        assertThat(argon2.verify(rehashed, SECRET)).isTrue();
        assertThat(argon2.rememberedVerifications()).as("a new stored hash is a new pair").isEqualTo(before + 2);
    }

    @Test
    void hmacVerificationsAreNotRemembered() {
        SecretHash stored = hmac.hash(SECRET);
        long before = hmac.rememberedVerifications();

        assertThat(hmac.verify(stored, SECRET)).isTrue();
        assertThat(hmac.verify(stored, SECRET)).isTrue();

        assertThat(hmac.rememberedVerifications()).isEqualTo(before);
    }

    @Test
    void algorithmsAreNamedInConfigurationAsInTheirPhcStrings() {
        assertThat(HashAlgorithm.fromConfigName("argon2id")).contains(HashAlgorithm.ARGON2ID);
        assertThat(HashAlgorithm.fromConfigName(" HMAC-SHA256 ")).contains(HashAlgorithm.HMAC_SHA256);
        assertThat(HashAlgorithm.fromConfigName("sha256")).isEmpty();
        assertThat(HashAlgorithm.fromConfigName("")).isEmpty();
    }

    private static ConfiguredSecretHasher hasher(HashAlgorithm algorithm, Argon2Settings cost, MasterKey key) {
        return new ConfiguredSecretHasher(algorithm, new Argon2SecretHasher(cost), HmacSecretHasher.fromMasterKey(key));
    }
}
