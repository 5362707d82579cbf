package paiban.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, for names, fingerprints and document IDs that must follow from the bytes alone. */
public final class Digests {

    private Digests() {
    }

    /** A fresh SHA-256. */
    public static MessageDigest sha256() {
        return of("SHA-256");
    }

    private static MessageDigest of(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has " + algorithm, e);
        }
    }

    /** The SHA-256 of {@code data}: by libcrypto where it is here ({@link NativeDigest}), else by Java. */
    public static byte[] sha256(byte[] data) {
        NativeDigest fast = NativeDigest.get();
        return fast != null ? fast.sha256(data) : sha256().digest(data);
    }

    /** The SHA-256 of {@code data} in lower-case hex, 64 digits. */
    public static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(sha256(data));
    }

    /**
     * The SHA-256 of a file's bytes in lower-case hex: by libcrypto where it is here ({@link NativeDigest}),
     * else by Java, read a piece at a time.
     */
    public static String sha256Hex(Path file) throws IOException {
        NativeDigest fast = NativeDigest.get();
        if (fast != null) return HexFormat.of().formatHex(fast.sha256(file));
        MessageDigest md = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int k; (k = in.read(buf)) > 0; ) md.update(buf, 0, k);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
