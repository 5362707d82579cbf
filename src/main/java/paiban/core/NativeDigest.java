package paiban.core;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 by the system's OpenSSL (libcrypto), reached through Java's foreign function API; null from
 * {@link #get()} where there is none, and Java's own digest does the work.
 *
 * <p>Why: paiban's launcher runs the quick compiler alone ({@code -XX:TieredStopAtLevel=1}, see the launcher),
 * and only the optimising compiler turns Java's SHA-256 into the processor's SHA instructions. Under the quick
 * one it hashes about 100 MB/s on the machine in docs/benchmark.md, against some 1.3 GB/s for the same code
 * under the optimising compiler and for libcrypto. A library bundle's METS file carries the SHA-256 of every
 * file of the bundle, 22 MB for a 16-page issue, and is written last, after every other file: a fifth of a
 * second on the build's critical path. The JDK's providers are Java and no Java library binds libcrypto's
 * digests without bringing a TLS stack with it, so the two functions needed are bound here: {@code EVP_sha256}
 * and the one-shot {@code EVP_Digest}. The digest is SHA-256 whichever computes it; loading checks libcrypto
 * against a known answer and against Java's, and is given up on any doubt.
 *
 * <p>The foreign function API is final from Java 22 and paiban is compiled for 21, where it is a preview, so
 * it is reached by reflection, as {@code paiban.codec.TurboJpeg} reaches libjpeg-turbo's classes: on Java 21
 * this finds nothing and Java's digest is used.
 */
public final class NativeDigest {

    /** The names libcrypto goes by: OpenSSL 3 (Debian 12 and later), then the development link. */
    private static final List<String> LIBRARIES = List.of("libcrypto.so.3", "libcrypto.so");

    private static final NativeDigest LOADED = Boolean.getBoolean("paiban.noNativeDigest") ? null : load();

    /** EVP_Digest(data, count, md, size, type, impl), bound. */
    private final MethodHandle digest;
    /** EVP_sha256()'s answer: the digest's description, an address in libcrypto. */
    private final Object sha256;
    private final Object nullAddress, byteLayout, intLayout;
    private final Method ofConfined, allocate, copyFromArray, asByteBuffer, asSlice, toArray, getInt, close;

    private NativeDigest() throws ReflectiveOperationException {
        Class<?> arena = Class.forName("java.lang.foreign.Arena");
        Class<?> segment = Class.forName("java.lang.foreign.MemorySegment");
        Class<?> valueLayout = Class.forName("java.lang.foreign.ValueLayout");
        Class<?> memoryLayout = Class.forName("java.lang.foreign.MemoryLayout");
        Class<?> linkerClass = Class.forName("java.lang.foreign.Linker");
        Class<?> option = Class.forName("java.lang.foreign.Linker$Option");
        Class<?> descriptor = Class.forName("java.lang.foreign.FunctionDescriptor");
        Class<?> symbols = Class.forName("java.lang.foreign.SymbolLookup");
        Class<?> ofByte = Class.forName("java.lang.foreign.ValueLayout$OfByte");
        Class<?> ofInt = Class.forName("java.lang.foreign.ValueLayout$OfInt");

        ofConfined = arena.getMethod("ofConfined");
        allocate = arena.getMethod("allocate", long.class);
        close = arena.getMethod("close");
        copyFromArray = segment.getMethod("copy", Object.class, int.class, segment, valueLayout, long.class, int.class);
        asByteBuffer = segment.getMethod("asByteBuffer");
        asSlice = segment.getMethod("asSlice", long.class, long.class);
        toArray = segment.getMethod("toArray", ofByte);
        getInt = segment.getMethod("get", ofInt, long.class);
        nullAddress = segment.getField("NULL").get(null);
        byteLayout = valueLayout.getField("JAVA_BYTE").get(null);
        intLayout = valueLayout.getField("JAVA_INT").get(null);
        Object address = valueLayout.getField("ADDRESS").get(null);
        Object longLayout = valueLayout.getField("JAVA_LONG").get(null);

        Object global = arena.getMethod("global").invoke(null);
        Object linker = linkerClass.getMethod("nativeLinker").invoke(null);
        Method find = symbols.getMethod("find", String.class);
        Method downcall = linkerClass.getMethod("downcallHandle", segment, descriptor, option.arrayType());
        Method of = descriptor.getMethod("of", memoryLayout, memoryLayout.arrayType());
        Object noOptions = Array.newInstance(option, 0);
        ReflectiveOperationException notFound = new ClassNotFoundException("libcrypto");
        MethodHandle bound = null;
        Object type = null;
        for (String name : LIBRARIES) {
            try {
                Object crypto = symbols.getMethod("libraryLookup", String.class, arena).invoke(null, name, global);
                Object evpSha256 = ((java.util.Optional<?>) find.invoke(crypto, "EVP_sha256")).orElseThrow();
                Object evpDigest = ((java.util.Optional<?>) find.invoke(crypto, "EVP_Digest")).orElseThrow();
                Object noArgs = Array.newInstance(memoryLayout, 0);
                MethodHandle describe = (MethodHandle) downcall.invoke(linker, evpSha256, of.invoke(null, address, noArgs), noOptions);
                Object params = Array.newInstance(memoryLayout, 6);
                Object[] layouts = {address, longLayout, address, address, address, address};
                for (int i = 0; i < 6; i++) Array.set(params, i, layouts[i]);
                bound = (MethodHandle) downcall.invoke(linker, evpDigest, of.invoke(null, intLayout, params), noOptions);
                type = describe.invoke();
                break;
            } catch (InvocationTargetException | java.util.NoSuchElementException e) {
                notFound = new ReflectiveOperationException(name + ": " + e.getCause(), e);
            } catch (Throwable e) {
                throw new ReflectiveOperationException(name, e);
            }
        }
        if (bound == null) throw notFound;
        digest = bound;
        sha256 = type;
    }

    /** libcrypto's SHA-256 if it loads here and gives the right answers, else null. */
    public static NativeDigest get() {
        return LOADED;
    }

    private static NativeDigest load() {
        try {
            NativeDigest d = new NativeDigest();
            return d.answersRightly() ? d : null;
        } catch (Throwable notHere) {
            // Java 21, no libcrypto, native access refused: Java's digest will do
            return null;
        }
    }

    /** FIPS 180-2's example, and a longer text against Java's own digest. */
    private boolean answersRightly() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        String known = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        byte[] longer = new byte[100_003];
        for (int i = 0; i < longer.length; i++) longer[i] = (byte) (i * 131 + (i >> 7));
        return known.equals(HexFormat.of().formatHex(sha256(abc)))
                && java.util.Arrays.equals(Digests.sha256().digest(longer), sha256(longer));
    }

    /** The SHA-256 of {@code data}. */
    public byte[] sha256(byte[] data) {
        try {
            return run(arena -> {
                Object in = allocate.invoke(arena, (long) Math.max(1, data.length));
                copyFromArray.invoke(null, data, 0, in, byteLayout, 0L, data.length);
                return sha256(in, data.length, arena);
            }, "an array of " + data.length + " bytes");
        } catch (IOException e) {
            throw new IllegalStateException(e); // nothing is read from a file here
        }
    }

    /**
     * The SHA-256 of a file's bytes, read whole into memory outside the heap. Read, not mapped: libcrypto
     * reading a mapping of a file that something cut short would bring the JVM down.
     */
    public byte[] sha256(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            return run(arena -> {
                Object in = allocate.invoke(arena, Math.max(1, size));
                long at = 0;
                while (at < size) {
                    int piece = (int) Math.min(size - at, 1 << 30);
                    java.nio.ByteBuffer b = (java.nio.ByteBuffer) asByteBuffer.invoke(asSlice.invoke(in, at, (long) piece));
                    while (b.hasRemaining()) {
                        if (ch.read(b, at + b.position()) < 0) throw new IOException(file + " became shorter while it was read");
                    }
                    at += piece;
                }
                return sha256(in, size, arena);
            }, file.toString());
        }
    }

    @FunctionalInterface
    private interface InArena {
        byte[] apply(Object arena) throws Throwable;
    }

    /** Runs {@code work} with a confined arena of its own, closed after; a failure names {@code what}. */
    private byte[] run(InArena work, String what) throws IOException {
        Object arena;
        try {
            arena = ofConfined.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the foreign function API failed", e);
        }
        try {
            return work.apply(arena);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw io;
            throw new IllegalStateException("libcrypto's SHA-256 of " + what + " failed", cause);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("libcrypto's SHA-256 of " + what + " failed", e);
        } finally {
            try {
                close.invoke(arena);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the foreign function API failed", e);
            }
        }
    }

    private byte[] sha256(Object in, long length, Object arena) throws Throwable {
        Object md = allocate.invoke(arena, 64L);
        Object size = allocate.invoke(arena, 4L);
        int ok = (int) digest.invoke(in, length, md, size, sha256, nullAddress);
        int got = (int) getInt.invoke(size, intLayout, 0L);
        if (ok != 1 || got != 32) {
            throw new IllegalStateException("libcrypto's EVP_Digest gave no SHA-256 (returned " + ok + ", " + got + " bytes)");
        }
        return (byte[]) toArray.invoke(asSlice.invoke(md, 0L, 32L), byteLayout);
    }
}
