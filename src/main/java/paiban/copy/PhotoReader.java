package paiban.copy;

import paiban.core.PaibanException;
import paiban.core.Workers;
import paiban.codec.TurboJpeg;

import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.jpeg.JpegProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Checks a photo before anything else touches it: it exists, is a JPEG or PNG, is not absurdly large
 * (a decompression bomb is refused from its header, before any pixel is decoded, and a PNG's compressed
 * side chunks are measured too), and decodes cleanly to its end (a truncated or corrupt file is refused
 * here rather than printed half-grey). A photo is measured as it stands: its EXIF orientation is read
 * here, and a phone photo stored sideways has its sides swapped. WebP and HEIF (HEIC, AVIF) files are
 * recognised by their first bytes, whatever their names, and refused with what to do.
 */
public final class PhotoReader {

    /** 100 megapixels: larger than any press camera's frame, far below a 30000 × 30000 bomb. */
    static final long MAX_PIXELS = 100_000_000L;
    static final int MAX_SIDE = 20_000;
    /** A colour profile is under 1 MB and text chunks are short; 8 MB inflated in all is already absurd. */
    static final long MAX_INFLATED = 8_000_000L;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PhotoReader() {
    }

    /**
     * What a photo's headers say.
     *
     * @param width       pixels across the photo as it stands (its orientation applied)
     * @param height      pixels down the photo as it stands
     * @param orientation the EXIF orientation, 1 (stored upright) to 8; 1 when the file gives none or an invalid one
     */
    public record Header(int width, int height, int orientation) {
    }

    /** @return the photo's size as it stands, and its orientation */
    public static Header dimensions(Path file, String where) {
        return dimensions(file, file.getFileName().toString(), where);
    }

    /**
     * @param written the path as the copy gives it, e.g. "photos/a.jpg", for the message
     * @param where   "articles/x.md:7: article 'x', photos[1]", for the message
     * @return the photo's size as it stands, and its orientation
     */
    public static Header dimensions(Path file, String written, String where) {
        return check(file, written, where, true, true);
    }

    /**
     * The checks of {@link #dimensions} that need only the file's header: what reading the copy must
     * know at once. {@link #decodes} does the rest, so that an issue's photos can be decoded side by side.
     */
    static Header header(Path file, String written, String where) {
        return check(file, written, where, true, false);
    }

    /** A photo whose header passed, still to decode: its file, its path as written, where the copy names it. */
    record Check(Path file, String written, String where) {
    }

    /**
     * Decodes the photos to their ends, on all cores, refusing a truncated or corrupt one: the last check
     * of {@link #dimensions}. The first bad photo in the copy's order is reported, whichever failed first.
     */
    static void decodes(List<Check> photos) {
        try {
            Workers.all(photos.stream().<Callable<Header>>map(c -> () -> check(c.file(), c.written(), c.where(), false, true))
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // check() reports its own failures as PaibanException
        }
    }

    /**
     * @param header whether to run the checks that only the header pass needs (the PNG side chunks are read
     *               whole for them); the decode pass after it skips them
     */
    private static Header check(Path file, String written, String where, boolean header, boolean decode) {
        String photo = where + ": the photo " + Quoted.of(written);
        if (Files.isDirectory(file)) {
            throw new PaibanException(photo + " is a folder, not an image; name the image file inside it");
        }
        if (!Files.isRegularFile(file)) {
            throw new PaibanException(photo + " does not exist; check the spelling (names are case-sensitive) "
                    + "and that the file is in the issue folder");
        }
        if (!Files.isReadable(file)) {
            throw unreadable(photo, "permission denied");
        }
        // opened directly: ImageIO.createImageInputStream would call a permission problem a "cache file" failure
        ImageInputStream in;
        try {
            in = new FileImageInputStream(file.toFile());
        } catch (IOException e) {
            throw unreadable(photo, e.getMessage());
        }
        try (in) {
            if (header) refuseUnsupported(file, photo);
            if (header) checkPngChunks(file, photo);
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new PaibanException(photo + " is not an image: it is neither JPEG nor PNG inside, whatever "
                        + "its name says; give a JPEG or PNG file");
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toUpperCase(java.util.Locale.ROOT);
                if (!format.equals("JPEG") && !format.equals("PNG")) {
                    throw new PaibanException(photo + " is a " + format + " image; save it as JPEG or PNG");
                }
                reader.setInput(in, true, true);
                // the header alone gives the size: a bomb is refused here, before a single pixel is decoded
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
                    throw new PaibanException(photo + " is " + w + " × " + h + " pixels, larger than paiban accepts ("
                            + MAX_SIDE + " px a side, " + MAX_PIXELS / 1_000_000 + " megapixels); scale it down "
                            + "(a full-page photo needs about 3500 px on its long side)");
                }
                if (decode) decodeToEnd(file, format, reader, photo);
                int orientation = header && format.equals("JPEG") ? orientation(file) : 1;
                return orientation >= 5 ? new Header(h, w, orientation) : new Header(w, h, orientation);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof PaibanException pe) throw pe;
            throw damaged(photo, e.getMessage());
        }
    }

    /** Formats that phones and cameras write and that neither the JDK nor the PDF writers read. */
    private static void refuseUnsupported(Path file, String photo) throws IOException {
        byte[] head;
        try (var in = Files.newInputStream(file)) {
            head = in.readNBytes(12);
        }
        String kind = null;
        if (head.length == 12 && ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("WEBP")) {
            kind = "WebP";
        } else if (head.length == 12 && ascii(head, 4, 4).equals("ftyp")) {
            // ISO base media files: HEIF's brands (HEIC from phones, AVIF); an MP4 video is refused the same way
            String brand = ascii(head, 8, 4);
            kind = switch (brand) {
                case "heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1" -> "HEIC (HEIF)";
                case "avif", "avis" -> "AVIF";
                default -> "ISO media ('" + brand.strip() + "')";
            };
        }
        if (kind != null) {
            throw new PaibanException(photo + " is a " + kind + " image: not supported: convert it to JPEG "
                    + "(e.g. with the phone's \"most compatible\" setting, or `heif-convert`, `dwebp`, an image editor)");
        }
    }

    private static String ascii(byte[] b, int from, int length) {
        return new String(b, from, length, StandardCharsets.ISO_8859_1);
    }

    /**
     * The EXIF orientation of a JPEG (1 to 8), read by metadata-extractor from its APP1 segment; 1 when it
     * has none, an invalid one, or metadata too broken to read (the pixels are what matter, and the decode
     * check judges them).
     */
    private static int orientation(Path file) {
        try {
            Metadata m = JpegMetadataReader.readMetadata(file.toFile(), List.of(new ExifReader()));
            for (ExifIFD0Directory d : m.getDirectoriesOfType(ExifIFD0Directory.class)) {
                Integer o = d.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
                if (o != null) return o >= 1 && o <= 8 ? o : 1;
            }
            return 1;
        } catch (JpegProcessingException | IOException | RuntimeException e) {
            return 1;
        }
    }

    private static PaibanException unreadable(String photo, String why) {
        return new PaibanException(photo + " cannot be read (" + why + "); make the file readable, "
                + "e.g. chmod a+r, or copy it again");
    }

    private static PaibanException damaged(String photo, String why) {
        return new PaibanException(photo + " is damaged or truncated ("
                + (why == null || why.isBlank() ? "the decoder gave no reason" : Quoted.of(why.strip()))
                + "); export it again from the original");
    }

    /**
     * Decodes the photo so that a truncated or corrupt stream shows itself now: a JPEG with TurboJPEG at an
     * eighth of its size where it is installed (a fifth of the work), anything else with ImageIO.
     */
    private static void decodeToEnd(Path file, String format, ImageReader reader, String photo) throws IOException {
        TurboJpeg turbo = TurboJpeg.get();
        if (turbo != null && format.equals("JPEG")) {
            try {
                turbo.check(Files.readAllBytes(file));
            } catch (IOException e) {
                throw damaged(photo, e.getMessage());
            }
            return;
        }
        decodeSubsampled(reader, photo);
    }

    /** Decodes a subsampled copy with ImageIO, taking its warnings as faults. */
    private static void decodeSubsampled(ImageReader reader, String photo) throws IOException {
        StringBuilder warnings = new StringBuilder();
        reader.addIIOReadWarningListener((IIOReadWarningListener) (source, warning) ->
                warnings.append(warnings.isEmpty() ? "" : "; ").append(warning));
        ImageReadParam param = reader.getDefaultReadParam();
        int step = Math.max(1, Math.max(reader.getWidth(0), reader.getHeight(0)) / 400);
        param.setSourceSubsampling(step, step, 0, 0);
        // a raster, without colour conversion: ImageIO converts no CMYK or YCCK JPEG, which still decode here
        if (reader.getFormatName().equalsIgnoreCase("JPEG")) {
            reader.readRaster(0, param);
        } else {
            reader.read(0, param);
        }
        if (!warnings.isEmpty()) {
            throw damaged(photo, warnings.toString());
        }
    }

    /**
     * A PNG can hide a bomb outside its pixels: a colour profile (iCCP) or text (zTXt, iTXt) is deflated
     * and a 400 KB chunk can expand to 400 MB. ImageIO skips these chunks here, but the PDF writer later
     * inflates the colour profile whole, so they are inflated now, against one budget for the whole file
     * (a budget per chunk would let ten thousand chunks cost ten thousand times as much), and refused beyond it.
     */
    private static void checkPngChunks(Path file, String photo) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            byte[] signature = in.readNBytes(8);
            if (!java.util.Arrays.equals(signature, PNG_SIGNATURE)) return;
            long budget = MAX_INFLATED;
            while (true) {
                int length = in.readInt();
                String type = new String(in.readNBytes(4), StandardCharsets.ISO_8859_1);
                if (length < 0) return; // corrupt: ImageIO says so in its own words
                if (type.equals("iCCP") || type.equals("zTXt") || type.equals("iTXt")) {
                    byte[] data = in.readNBytes(length);
                    int start = compressedStart(type, data);
                    budget -= start < 0 ? 0 : inflated(data, start, budget);
                    if (budget < 0) {
                        throw new PaibanException(photo + " has compressed metadata that expands beyond "
                                + MAX_INFLATED / 1_000_000 + " MB (at its " + (type.equals("iCCP") ? "colour profile"
                                : "text") + ", PNG chunk " + type + "), the mark of a decompression bomb; export "
                                + "the photo again without metadata");
                    }
                } else {
                    in.skipNBytes(length);
                }
                in.skipNBytes(4); // CRC
                if (type.equals("IEND")) return;
            }
        } catch (EOFException e) {
            // truncated: the decoder reports it with its own reason
        }
    }

    /** Where the deflate stream starts in a chunk's data, or -1 if the chunk is not compressed. */
    private static int compressedStart(String type, byte[] data) {
        int nul = indexOf(data, 0, 0);
        if (nul < 0) return -1;
        if (!type.equals("iTXt")) return nul + 2 <= data.length ? nul + 2 : -1; // keyword, NUL, method
        if (nul + 2 >= data.length || data[nul + 1] != 1) return -1; // compression flag off
        int lang = indexOf(data, nul + 3, 0);
        int translated = lang < 0 ? -1 : indexOf(data, lang + 1, 0);
        return translated < 0 ? -1 : translated + 1;
    }

    private static int indexOf(byte[] data, int from, int value) {
        for (int i = from; i < data.length; i++) if (data[i] == value) return i;
        return -1;
    }

    /** How many bytes the deflate stream expands to, counting no further than just past {@code cap}. */
    private static long inflated(byte[] data, int start, long cap) {
        Inflater inflater = new Inflater();
        long total = 0;
        try {
            inflater.setInput(data, start, data.length - start);
            byte[] sink = new byte[64 * 1024];
            while (!inflater.finished() && total <= cap) {
                int n = inflater.inflate(sink);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
                total += n;
            }
        } catch (DataFormatException e) {
            // not a bomb, just broken: the decoder does not need this chunk, so what was counted stands
        } finally {
            inflater.end();
        }
        return total;
    }
}
