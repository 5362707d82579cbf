package paiban.core;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * libcrypto's SHA-256 gives Java's answer on every length around SHA-256's 64-byte blocks and its padding
 * boundary, from arrays and from files; a file that is not there is an IOException, as with Java's.
 */
class NativeDigestTest {

    @TempDir
    Path dir;

    /** libcrypto where it is installed; CI installs it (debian-packages), so there it must load. */
    private static NativeDigest required() {
        NativeDigest d = NativeDigest.get();
        Assumptions.assumeTrue(d != null || System.getenv("CI_REQUIRE_LIBCRYPTO") != null,
                "libcrypto (libssl3) is not installed here");
        assertNotNull(d, "CI installs libssl3, yet libcrypto's SHA-256 did not load");
        return d;
    }

    @Test
    void everyLengthGivesJavasDigest() throws Exception {
        NativeDigest d = required();
        Random r = new Random(7);
        int[] lengths = {0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 65_536, 1 << 20, (1 << 20) + 13};
        for (int n : lengths) {
            byte[] data = new byte[n];
            r.nextBytes(data);
            byte[] java = Digests.sha256().digest(data);
            assertArrayEquals(java, d.sha256(data), n + " bytes");
            Path f = dir.resolve("f" + n);
            Files.write(f, data);
            assertArrayEquals(java, d.sha256(f), "a file of " + n + " bytes");
            assertEquals(HexFormat.of().formatHex(java), Digests.sha256Hex(f), "Digests, a file of " + n + " bytes");
        }
    }

    @Test
    void aMissingFileIsAnIoException() {
        NativeDigest d = required();
        assertThrows(java.io.IOException.class, () -> d.sha256(dir.resolve("absent")));
        assertThrows(java.io.IOException.class, () -> Digests.sha256Hex(dir.resolve("absent")));
    }
}
