package dev.warden.persistence.signing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasterKeyTest {

    private static final byte[] SECRET = "-----BEGIN PRIVATE KEY----- pretend".getBytes(StandardCharsets.US_ASCII);

    @Test
    void sealedDataOpensWithTheSameKeyAndIdAndDoesNotContainThePlaintext() {
        MasterKey key = MasterKey.generate();

        byte[] sealed = key.seal(SECRET, "42");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("PRIVATE");
        assertThat(key.open(sealed, "42")).isEqualTo(SECRET);
        assertThat(key.seal(SECRET, "42")).as("a fresh nonce per seal").isNotEqualTo(sealed);
    }

    @Test
    void tamperedCiphertextIsRefused() {
        MasterKey key = MasterKey.generate();
        byte[] sealed = key.seal(SECRET, "42");
        for (int i : new int[] {0, 5, 20, sealed.length - 1}) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 1;
            assertThatThrownBy(() -> key.open(tampered, "42")).isInstanceOf(MasterKey.SealedKeyException.class);
        }
    }

    @Test
    void anotherMasterKeyOrAnotherKeyIdIsRefused() {
        MasterKey key = MasterKey.generate();
        byte[] sealed = key.seal(SECRET, "42");

        assertThatThrownBy(() -> MasterKey.generate().open(sealed, "42"))
                .isInstanceOf(MasterKey.SealedKeyException.class).hasMessageContaining("master key");
        assertThatThrownBy(() -> key.open(sealed, "43")).isInstanceOf(MasterKey.SealedKeyException.class);
        assertThatThrownBy(() -> key.open(new byte[3], "42")).isInstanceOf(MasterKey.SealedKeyException.class);
    }

    @Test
    void aKeyFileIsCreatedOwnerOnlyOnceAndReadBackAsTheSameKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/masterkey");

        MasterKey.Loaded first = MasterKey.loadOrCreate(file);
        MasterKey.Loaded second = MasterKey.loadOrCreate(file);

        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(MasterKey.LENGTH);
        assertThat(second.key().open(first.key().seal(SECRET, "1"), "1")).isEqualTo(SECRET);
        assertThat(first.key().toString()).doesNotContain(Files.readString(file).strip());
    }

    @Test
    void base64KeysOfTheWrongLengthAreRefusedWithoutEchoingThem() {
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> MasterKey.fromBase64(short16)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes").hasMessageNotContaining(short16);
        assertThatThrownBy(() -> MasterKey.fromBase64("not base64!")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("not base64!");
        byte[] bytes = new byte[32];
        bytes[0] = 7;
        MasterKey key = MasterKey.fromBase64(Base64.getEncoder().encodeToString(bytes));
        assertThat(MasterKey.fromBase64(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))
                .open(key.seal(SECRET, "1"), "1")).isEqualTo(SECRET);
    }

    @Test
    void aKeyFileThatIsNotAKeyStopsWithAMessageNamingTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("masterkey");
        Files.writeString(file, "c2hvcnQ=\n");

        assertThatThrownBy(() -> MasterKey.loadOrCreate(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString()).hasMessageNotContaining("c2hvcnQ");
    }

    @Test
    void hkdfMatchesTheTestVectorsOfRfc5869() {
        byte[] ikm = HexFormat.of().parseHex("0b".repeat(22));

        assertThat(MasterKey.hkdfSha256(ikm, HexFormat.of().parseHex("000102030405060708090a0b0c"),
                HexFormat.of().parseHex("f0f1f2f3f4f5f6f7f8f9"), 42)).asHexString().isEqualToIgnoringCase(
                "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
        // Test case 3: no salt and no info.
        assertThat(MasterKey.hkdfSha256(ikm, new byte[0], new byte[0], 42)).asHexString().isEqualToIgnoringCase(
                "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
    }

    @Test
    void derivedKeysAreStablePerPurposeAndDifferAcrossPurposesAndMasterKeys() {
        String text = Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'B');
        MasterKey key = MasterKey.fromBase64(text);

        byte[] hashing = key.deriveKey("warden secret hashing v1");

        assertThat(hashing).hasSize(32);
        assertThat(MasterKey.fromBase64(text).deriveKey("warden secret hashing v1")).isEqualTo(hashing);
        assertThat(key.deriveKey("another purpose")).isNotEqualTo(hashing);
        assertThat(MasterKey.generate().deriveKey("warden secret hashing v1")).isNotEqualTo(hashing);
        assertThatThrownBy(() -> key.deriveKey("")).isInstanceOf(IllegalArgumentException.class);
    }
}
