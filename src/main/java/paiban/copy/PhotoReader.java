package paiban.copy;

import paiban.PaibanException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Checks a photo before anything else touches it: it exists, is a JPEG or PNG, is not absurdly large
 * (a decompression bomb is refused from its header, before any pixel is decoded), and decodes cleanly
 * to its end (a truncated or corrupt file is refused here rather than printed half-grey).
 */
public final class PhotoReader {

    /** 100 megapixels: larger than any press camera's frame, far below a 30000 × 30000 bomb. */
    static final long MAX_PIXELS = 100_000_000L;
    static final int MAX_SIDE = 20_000;

    private PhotoReader() {
    }

    /** @return {width, height} in pixels */
    public static int[] dimensions(Path file, String where) {
        if (!Files.isRegularFile(file)) {
            throw new PaibanException(where + ": the photo '" + file.getFileName()
                    + "' does not exist; check the file name under the issue folder");
        }
        if (!Files.isReadable(file)) {
            throw new PaibanException(where + ": the photo '" + file.getFileName() + "' cannot be read (permissions)");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new PaibanException(where + ": '" + file.getFileName()
                        + "' is not an image paiban can read; give a JPEG or PNG file");
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
                if (!format.equals("jpeg") && !format.equals("png")) {
                    throw new PaibanException(where + ": '" + file.getFileName() + "' is a " + format
                            + " image; save it as JPEG or PNG");
                }
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
                    throw new PaibanException(where + ": the photo '" + file.getFileName() + "' is " + w + " × " + h
                            + " pixels, larger than paiban accepts (" + MAX_SIDE + " px a side, "
                            + MAX_PIXELS / 1_000_000 + " megapixels); scale it down first");
                }
                decodeToEnd(reader, file, where);
                return new int[] {w, h};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof PaibanException pe) throw pe;
            throw new PaibanException(where + ": the photo '" + file.getFileName()
                    + "' is damaged or truncated (" + e.getMessage() + "); export it again");
        }
    }

    /** Decodes a subsampled copy so that a truncated or corrupt stream shows itself now. */
    private static void decodeToEnd(ImageReader reader, Path file, String where) throws IOException {
        StringBuilder warnings = new StringBuilder();
        reader.addIIOReadWarningListener((IIOReadWarningListener) (source, warning) -> warnings.append(warning));
        ImageReadParam param = reader.getDefaultReadParam();
        int step = Math.max(1, Math.max(reader.getWidth(0), reader.getHeight(0)) / 400);
        param.setSourceSubsampling(step, step, 0, 0);
        reader.read(0, param);
        if (!warnings.isEmpty()) {
            throw new PaibanException(where + ": the photo '" + file.getFileName()
                    + "' is damaged or truncated (" + warnings + "); export it again");
        }
    }
}
