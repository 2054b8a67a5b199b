package dev.warden.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The file that receives the first-instance admin PAT: the raw token and a newline, mode 0600.
 * The directory is checked before the instance is created, so a failure to write is found before
 * a token exists that nobody could ever read.
 */
final class FirstInstancePatFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private final Path file;

    FirstInstancePatFile(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    Path path() {
        return file;
    }

    /** Creates the parent directory and proves it writable, leaving nothing behind. */
    void checkWritable() {
        try {
            Files.createDirectories(file.getParent());
            Path probe = Files.createTempFile(file.getParent(), ".warden-probe", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the first-instance PAT file in " + file.getParent(), e);
        }
    }

    /** Writes the token atomically: a 0600 temporary file renamed over the target. */
    void write(String token) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            createOwnerOnly(tmp);
            Files.writeString(tmp, token + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the first-instance PAT file " + file, e);
        }
    }

    private static void createOwnerOnly(Path tmp) throws IOException {
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(tmp);
        }
    }
}
