package paiban.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The digests are the standard ones: known answers from FIPS 180-4's and RFC 1321's examples. */
class DigestsTest {

    @TempDir
    Path dir;

    @Test
    void knownAnswers() throws Exception {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        String sha = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assertEquals(sha, Digests.sha256Hex(abc));
        Path f = dir.resolve("abc");
        Files.write(f, abc);
        assertEquals(sha, Digests.sha256Hex(f), "a file's digest is its bytes' digest");
    }
}
