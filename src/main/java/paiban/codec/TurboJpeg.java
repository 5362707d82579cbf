package paiban.codec;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * libjpeg-turbo's TurboJPEG, for the photo work that is most of a build: decoding a photo takes it a
 * third of the time the JDK's libjpeg needs, and encoding print's 4-channel CMYK JPEG a third to a
 * sixth (docs/benchmark.md), and checking that a photo decodes at all a fifth. It comes from Debian (libturbojpeg-java, with libturbojpeg0-dev for the
 * library name its loader looks for) and is reached by reflection, so paiban still builds and runs
 * without it, with ImageIO: {@link #get()} is then null. The copy reader checks photos with it and the
 * finish stage decodes and encodes them. A build's files are reproducible on one
 * installation either way, but the two encoders do not write the same bytes.
 */
public final class TurboJpeg {

    /** Where Debian's package puts the Java half; the launcher's jar names it in its Class-Path. */
    static final String JAR = "/usr/share/java/turbojpeg.jar";

    private static final int PF_GRAY = 6, PF_CMYK = 11;
    private static final int FLAG_STOPONWARNING = 8192;
    private static final int SAMP_444 = 0, SAMP_420 = 2;
    private static final int CS_RGB = 0, CS_YCBCR = 1, CS_GRAY = 2, CS_CMYK = 3, CS_YCCK = 4;

    /**
     * The largest output buffer a thread keeps from one compression to the next: a 1600 × 1000 print photo's
     * worst case (TurboJPEG's bound, 6 bytes a pixel) is 9.6 MB. A larger one is made for its photo alone.
     */
    static final int KEPT_OUTPUT = 16 << 20;

    /**
     * Each thread's output buffer, reused: TurboJPEG's own {@code compress(int)} makes one of the worst case's
     * size for every call, and a print photo is compressed two or three times, so those buffers were a sixth
     * of a cold print build's allocation and a good part of what its young collections copied. Declared
     * before {@link #LOADED}, whose loading compresses a test image.
     */
    private static final ThreadLocal<byte[]> OUTPUT = new ThreadLocal<>();

    private static final Loaded LOADED = Boolean.getBoolean("paiban.noTurbo")
            ? new Loaded(null, "ImageIO (libjpeg-turbo turned off with -Dpaiban.noTurbo)", Optional.empty())
            : load("org.libjpegturbo.turbojpeg.TJCompressor", "org.libjpegturbo.turbojpeg.TJDecompressor", Path.of(JAR));

    /**
     * What loading found.
     *
     * @param codec       TurboJPEG, or null when ImageIO does the work
     * @param description which codec runs and, for ImageIO, why: for --timings and --debug
     * @param problem     what failed when libjpeg-turbo is installed but did not load: a broken install
     *                    must not pass for an absent one
     */
    record Loaded(TurboJpeg codec, String description, Optional<String> problem) {
    }

    private final MethodHandle newCompressor, setSource, setSourceImage, setSubsamp, setQuality, compressInto,
            compressedSize, closeCompressor, bufSize;
    private final MethodHandle newDecompressor, width, height, colorspace, decompress, decompressBytes,
            decompressBytesInto, decompressInts, closeDecompressor;

    private TurboJpeg(MethodHandles.Lookup l, Class<?> c, Class<?> d) throws ReflectiveOperationException {
        newCompressor = l.findConstructor(c, MethodType.methodType(void.class));
        setSource = l.findVirtual(c, "setSourceImage", MethodType.methodType(void.class, byte[].class, int.class,
                int.class, int.class, int.class, int.class, int.class));
        setSourceImage = l.findVirtual(c, "setSourceImage", MethodType.methodType(void.class, BufferedImage.class,
                int.class, int.class, int.class, int.class));
        setSubsamp = l.findVirtual(c, "setSubsamp", MethodType.methodType(void.class, int.class));
        setQuality = l.findVirtual(c, "setJPEGQuality", MethodType.methodType(void.class, int.class));
        compressInto = l.findVirtual(c, "compress", MethodType.methodType(void.class, byte[].class, int.class));
        bufSize = l.findStatic(Class.forName("org.libjpegturbo.turbojpeg.TJ", true, c.getClassLoader()), "bufSize",
                MethodType.methodType(int.class, int.class, int.class, int.class));
        compressedSize = l.findVirtual(c, "getCompressedSize", MethodType.methodType(int.class));
        closeCompressor = l.findVirtual(c, "close", MethodType.methodType(void.class));
        newDecompressor = l.findConstructor(d, MethodType.methodType(void.class, byte[].class));
        width = l.findVirtual(d, "getWidth", MethodType.methodType(int.class));
        height = l.findVirtual(d, "getHeight", MethodType.methodType(int.class));
        colorspace = l.findVirtual(d, "getColorspace", MethodType.methodType(int.class));
        decompress = l.findVirtual(d, "decompress", MethodType.methodType(void.class, BufferedImage.class, int.class));
        decompressBytes = l.findVirtual(d, "decompress", MethodType.methodType(byte[].class, int.class, int.class,
                int.class, int.class, int.class));
        decompressBytesInto = l.findVirtual(d, "decompress", MethodType.methodType(void.class, byte[].class, int.class,
                int.class, int.class, int.class, int.class, int.class, int.class));
        decompressInts = l.findVirtual(d, "decompress", MethodType.methodType(void.class, int[].class, int.class,
                int.class, int.class, int.class, int.class, int.class, int.class));
        closeDecompressor = l.findVirtual(d, "close", MethodType.methodType(void.class));
    }

    /** TurboJPEG if its Java classes and native library load here, else null. */
    public static TurboJpeg get() {
        return LOADED.codec();
    }

    /** "libjpeg-turbo" or "ImageIO": which codec writes the photos' bytes, which differ between the two. */
    public static String codecName() {
        return LOADED.codec() != null ? "libjpeg-turbo" : "ImageIO";
    }

    /** The codec that runs, and why ImageIO when it is ImageIO, e.g. "ImageIO (libjpeg-turbo is not installed)". */
    public static String description() {
        return LOADED.description();
    }

    /** What failed, when libjpeg-turbo is installed but could not be loaded; empty when it loaded or is absent. */
    public static Optional<String> problem() {
        return LOADED.problem();
    }

    /**
     * Loads TurboJPEG through its Java classes and calls it once, which loads the native library.
     * Without the jar it is absent, and ImageIO does the work quietly. With the jar, anything that fails
     * (the native library missing, an older API, a crash in the library) is a broken install and is said.
     */
    static Loaded load(String compressor, String decompressor, Path jar) {
        Class<?> c;
        Class<?> d;
        try {
            c = Class.forName(compressor);
            d = Class.forName(decompressor);
        } catch (ClassNotFoundException | LinkageError e) {
            if (!Files.isRegularFile(jar)) {
                return new Loaded(null, "ImageIO (libjpeg-turbo is not installed)", Optional.empty());
            }
            return broken(jar + " is installed but its classes did not load (" + e + ")");
        }
        try {
            TurboJpeg t = new TurboJpeg(MethodHandles.publicLookup(), c, d);
            t.cmyk(new byte[4 * 8 * 8], 8, 8, 90); // loads the native library now, or fails here
            return new Loaded(t, "libjpeg-turbo (TurboJPEG, " + jar + ")", Optional.empty());
        } catch (ReflectiveOperationException e) {
            return broken("libjpeg-turbo's Java classes are not the API paiban calls (" + e + ")");
        } catch (IOException | RuntimeException | LinkageError e) {
            return broken("libjpeg-turbo's classes loaded but the library did not work (" + e
                    + "); is libturbojpeg0-dev installed?");
        }
    }

    private static Loaded broken(String what) {
        return new Loaded(null, "ImageIO (libjpeg-turbo did not load)",
                Optional.of(what + "; photos go through ImageIO instead, more slowly and to other bytes"));
    }

    /**
     * A CMYK JPEG of interleaved 8-bit samples, without chroma subsampling. TurboJPEG stores CMYK as YCCK
     * with an Adobe marker that says so; decoders turn it back into the samples given. Rendered in a PDF
     * with print's {@code /Decode [1 0 1 0 1 0 1 0]}, a test card came out the same (within one level) as
     * ImageIO's plain CMYK JPEG in PDFBox, poppler and Ghostscript alike.
     */
    public byte[] cmyk(byte[] samples, int w, int h, int quality) throws IOException {
        return compress(tj -> setSource.invoke(tj, samples, 0, 0, w, 0, h, PF_CMYK), w, h, SAMP_444, quality);
    }

    /** An RGB JPEG (JFIF, YCbCr, chroma halved both ways, as ImageIO writes it) of an opaque RGB image. */
    public byte[] rgb(BufferedImage image, int quality) throws IOException {
        return compress(tj -> setSourceImage.invoke(tj, image, 0, 0, image.getWidth(), image.getHeight()),
                image.getWidth(), image.getHeight(), SAMP_420, quality);
    }

    /** Gives a compressor its source, then compresses with the chroma sampling and quality given. */
    private byte[] compress(Source source, int w, int h, int subsamp, int quality) throws IOException {
        try {
            Object tj = newCompressor.invoke();
            try {
                source.set(tj);
                setSubsamp.invoke(tj, subsamp);
                setQuality.invoke(tj, quality);
                int need = (int) bufSize.invoke(w, h, subsamp);
                byte[] out = OUTPUT.get();
                if (out == null || out.length < need) {
                    out = new byte[need];
                    if (need <= KEPT_OUTPUT) OUTPUT.set(out);
                }
                compressInto.invoke(tj, out, 0);
                return Arrays.copyOf(out, (int) compressedSize.invoke(tj));
            } finally {
                closeCompressor.invoke(tj);
            }
        } catch (Throwable e) {
            throw rethrown(e);
        }
    }

    @FunctionalInterface
    private interface Source {
        void set(Object compressor) throws Throwable;
    }

    /**
     * The photo as ImageIO would give it (TYPE_3BYTE_BGR, or TYPE_BYTE_GRAY for a grey JPEG), or null for
     * a JPEG that is neither RGB nor grey (CMYK, YCCK), which ImageIO or PDFBox then decodes. Where fewer
     * pixels are needed than the photo has, the decoder scales by M/8 in its inverse transform (far less
     * work than decoding it whole and shrinking it), to the smallest size of at least {@code atLeastW} ×
     * {@code atLeastH}.
     */
    public BufferedImage decode(byte[] jpeg, int atLeastW, int atLeastH) throws IOException {
        try {
            Object tj = newDecompressor.invoke(jpeg);
            try {
                int cs = (int) colorspace.invoke(tj);
                if (cs != CS_RGB && cs != CS_YCBCR && cs != CS_GRAY) return null;
                int w = (int) width.invoke(tj), h = (int) height.invoke(tj);
                int m = 1;
                while (m < 8 && (scaled(w, m) < atLeastW || scaled(h, m) < atLeastH)) m++;
                BufferedImage img = new BufferedImage(scaled(w, m), scaled(h, m),
                        cs == CS_GRAY ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
                decompress.invoke(tj, img, 0);
                return img;
            } finally {
                closeDecompressor.invoke(tj);
            }
        } catch (Throwable e) {
            throw rethrown(e);
        }
    }

    /** The photo whole; see {@link #decode(byte[], int, int)}. */
    public BufferedImage decode(byte[] jpeg) throws IOException {
        return decode(jpeg, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /**
     * The samples of a CMYK JPEG, 4 bytes a pixel, exactly as they were given to {@link #cmyk} before
     * compression (so inverted when those were): what a RIP's decoder will see, to within a level.
     */
    public byte[] cmykSamples(byte[] jpeg) throws IOException {
        try {
            Object tj = newDecompressor.invoke(jpeg);
            try {
                int w = (int) width.invoke(tj), h = (int) height.invoke(tj);
                return (byte[]) decompressBytes.invoke(tj, w, 0, h, PF_CMYK, 0);
            } finally {
                closeDecompressor.invoke(tj);
            }
        } catch (Throwable e) {
            throw rethrown(e);
        }
    }

    /**
     * As {@link #cmykSamples(byte[])}, into {@code into} where that holds the image (its first 4 × w × h
     * bytes), so that a caller decoding photo after photo reuses one array; else into a new array.
     */
    public byte[] cmykSamples(byte[] jpeg, byte[] into) throws IOException {
        try {
            Object tj = newDecompressor.invoke(jpeg);
            try {
                int w = (int) width.invoke(tj), h = (int) height.invoke(tj);
                byte[] out = into != null && into.length >= w * h * 4 ? into : new byte[w * h * 4];
                decompressBytesInto.invoke(tj, out, 0, 0, w, 0, h, PF_CMYK, 0);
                return out;
            } finally {
                closeDecompressor.invoke(tj);
            }
        } catch (Throwable e) {
            throw rethrown(e);
        }
    }

    /**
     * As {@link #cmykSamples(byte[])}, one int a pixel, its four samples in the int's bytes in the order
     * they lie in memory (so the first sample is the low byte on a little-endian machine), row after row;
     * into {@code into} where that holds the image, so that a caller decoding photo after photo reuses one
     * array. Null, and nothing decoded, when the image is not {@code w} × {@code h}.
     */
    public int[] cmykSamples(byte[] jpeg, int w, int h, int[] into) throws IOException {
        try {
            Object tj = newDecompressor.invoke(jpeg);
            try {
                if ((int) width.invoke(tj) != w || (int) height.invoke(tj) != h) return null;
                int[] out = into != null && into.length >= w * h ? into : new int[w * h];
                decompressInts.invoke(tj, out, 0, 0, w, w, h, PF_CMYK, 0);
                return out;
            } finally {
                closeDecompressor.invoke(tj);
            }
        } catch (Throwable e) {
            throw rethrown(e);
        }
    }

    /** A side scaled by m/8, rounded up, as libjpeg-turbo's TJSCALED does. */
    private static int scaled(int side, int m) {
        return (side * m + 7) / 8;
    }

    /**
     * Decodes the whole JPEG stream at an eighth of its size, in grey, treating every warning of the decoder
     * as an error: a truncated or corrupt photo shows itself, for a fraction of a full decode's work (the
     * entropy-coded data is read to its end; the inverse transforms shrink to one coefficient).
     *
     * @throws IOException with the decoder's reason when the stream is damaged
     */
    public void check(byte[] jpeg) throws IOException {
        try {
            Object tj = newDecompressor.invoke(jpeg);
            try {
                int w = (int) width.invoke(tj), h = (int) height.invoke(tj);
                int cs = (int) colorspace.invoke(tj);
                // libjpeg converts four components to nothing but CMYK: grey would be "Unsupported color conversion"
                int format = cs == CS_CMYK || cs == CS_YCCK ? PF_CMYK : PF_GRAY;
                decompressBytes.invoke(tj, (w + 7) / 8, 0, (h + 7) / 8, format, FLAG_STOPONWARNING);
            } finally {
                closeDecompressor.invoke(tj);
            }
        } catch (Throwable e) {
            throw rethrown(e);
        }
    }

    /** TurboJPEG's own exception (a TJException, an IOException) as itself; anything else wrapped. */
    private static IOException rethrown(Throwable e) {
        if (e instanceof Error err) throw err;
        if (e instanceof RuntimeException r) throw r;
        return e instanceof IOException io ? io : new IOException(e);
    }
}
