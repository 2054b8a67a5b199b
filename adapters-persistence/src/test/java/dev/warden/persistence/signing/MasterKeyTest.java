package dev.warden.persistence.signing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

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
}
