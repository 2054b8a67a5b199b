package dev.warden.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The first-instance PAT file is owner-only from the moment it exists, and written atomically. */
class FirstInstancePatFileTest {

    private static final String TOKEN = "wdn_pat_" + "A".repeat(59);

    @TempDir
    Path dir;

    @Test
    void theFileHoldsTheTokenAndIsReadableByTheOwnerOnly() throws IOException {
        Path file = dir.resolve("admin.pat");

        new FirstInstancePatFile(file).write(TOKEN);

        assertThat(Files.readString(file)).isEqualTo(TOKEN + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(dir.resolve("admin.pat.tmp")).doesNotExist();
    }

    @Test
    void aWorldReadableFileInTheWayIsReplacedNotReused() throws IOException {
        Path file = dir.resolve("admin.pat");
        Files.writeString(file, "old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(dir.resolve("admin.pat.tmp"), "stale");
        Files.setPosixFilePermissions(dir.resolve("admin.pat.tmp"), PosixFilePermissions.fromString("rw-rw-rw-"));

        new FirstInstancePatFile(file).write(TOKEN);

        assertThat(Files.readString(file)).isEqualTo(TOKEN + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aSymlinkPlantedAtTheTemporaryNameIsNotFollowed() throws IOException {
        Path file = dir.resolve("admin.pat");
        Path elsewhere = dir.resolve("attacker-readable");
        Files.writeString(elsewhere, "");
        Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rw-rw-rw-"));
        Files.createSymbolicLink(dir.resolve("admin.pat.tmp"), elsewhere);

        new FirstInstancePatFile(file).write(TOKEN);

        assertThat(Files.readString(elsewhere)).as("the link target got nothing").isEmpty();
        assertThat(Files.isSymbolicLink(file)).isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)))
                .isEqualTo("rw-------");
    }

    /**
     * An observer lists the directory as fast as it can while the file is written again and again:
     * no file it sees — the temporary one included — ever grants anything to group or others.
     */
    @Test
    void noFileInTheDirectoryIsEverReadableByOthersWhileWriting() throws Exception {
        Path file = dir.resolve("admin.pat");
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger looks = new AtomicInteger();
        List<String> exposed = new ArrayList<>();
        Thread observer = Thread.ofPlatform().start(() -> {
            while (writing.get()) {
                try (var files = Files.list(dir)) {
                    for (Path seen : files.toList()) {
                        try {
                            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(seen,
                                    LinkOption.NOFOLLOW_LINKS);
                            looks.incrementAndGet();
                            if (!Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)
                                    .containsAll(permissions)) {
                                synchronized (exposed) {
                                    exposed.add(seen.getFileName() + " " + PosixFilePermissions.toString(permissions));
                                }
                            }
                        } catch (IOException gone) {
                            // renamed or deleted between the listing and the look: nothing was seen
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        FirstInstancePatFile patFile = new FirstInstancePatFile(file);
        // At least 300 writes, and on until the observer has looked 100 times (however slow the machine).
        for (int i = 0; (i < 300 || looks.get() < 100) && i < 1_000_000; i++) {
            patFile.write(TOKEN);
        }
        writing.set(false);
        observer.join();

        assertThat(looks.get()).as("the observer saw files").isPositive();
        assertThat(exposed).isEmpty();
    }
}
