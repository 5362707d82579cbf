package paiban.typeset;

import paiban.core.PaibanException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A font file (.ttf, .otf or .ttc) as OpenPDF is to see it: each CID-keyed CFF table's outlines replaced by
 * a {@link CffSubset#placeholder placeholder}. The real CFF tables stay in the file, mapped into memory
 * ({@link #outlines}), for {@link CffSubset#subset}. TrueType (glyf) faces are left as they are: OpenPDF
 * subsets those correctly.
 *
 * <p>Why a copy without the outlines: a Noto CJK collection is 18-27 MB, of which the one CFF table its
 * faces share is 14-23 MB. Held on the heap whole, the four Noto files were 90 MB of a 16-page build's
 * 270 MB live set, copied by the young collections and crowding the old generation into full ones; the
 * copy OpenPDF reads (every face's directory and other tables, the placeholders) is 3-4 MB a file, and the
 * real outlines are read from the page cache only where a subset needs a glyph.
 */
final class FontFile {

    private static final int TTCF = 0x74746366, CFF = 0x43464620;

    /** The bytes OpenPDF reads: the file, its CID-keyed CFF tables replaced by placeholders. */
    final byte[] bytes;
    /** The file as it is on disk, mapped read-only, where {@link #outlines} lie; null when none are held. */
    private final ByteBuffer file;
    /** Face index → the real CFF table's {offset, length} in {@link #file}; absent for TrueType faces. */
    private final Map<Integer, int[]> outlines;

    private FontFile(byte[] bytes, ByteBuffer file, Map<Integer, int[]> outlines) {
        this.bytes = bytes;
        this.file = file;
        this.outlines = outlines;
    }

    /** The real CFF table of face {@code index}, as {offset, length} in {@link #file()}, or null. */
    int[] outlines(int index) {
        return outlines.get(index);
    }

    /** The file as it is on disk (read-only, absolute reads only), holding the real CFF tables. */
    ByteBuffer file() {
        return file;
    }

    static FontFile read(Path path) throws IOException {
        ByteBuffer mapped;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) throw new PaibanException(path + ": a font file over 2 GB");
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
        }
        int size = mapped.limit();
        if (size < 12) return new FontFile(whole(mapped), null, Map.of());
        int[] directories;
        if (u32(mapped, 0) == TTCF) {
            int faces = u32(mapped, 8);
            if (faces < 1 || 12 + 4L * faces > size) throw new PaibanException(path + ": not a font file: bad collection header");
            directories = new int[faces];
            for (int i = 0; i < faces; i++) directories[i] = u32(mapped, 12 + 4 * i);
        } else {
            directories = new int[]{0};
        }
        // Faces of a collection share one CFF table: one placeholder serves them all.
        Map<Integer, byte[]> placeholders = new LinkedHashMap<>();
        Map<Integer, int[]> outlines = new LinkedHashMap<>();
        for (int face = 0; face < directories.length; face++) {
            int record = cffRecord(path, mapped, directories[face]);
            if (record < 0) continue;
            int offset = u32(mapped, record + 8), length = u32(mapped, record + 12);
            if (!placeholders.containsKey(offset)) {
                try {
                    placeholders.put(offset, CffSubset.placeholder(mapped, offset, length));
                } catch (IOException notCidKeyed) {
                    // a CFF this cutter does not know (a name-keyed font, say a publisher's Latin face): left
                    // to OpenPDF's own subsetter, with the fault CffSubset describes
                    continue;
                }
            }
            outlines.put(face, new int[]{offset, length});
        }
        if (placeholders.isEmpty()) return new FontFile(whole(mapped), null, Map.of());
        return new FontFile(withPlaceholders(path, mapped, directories, placeholders), mapped, Map.copyOf(outlines));
    }

    /**
     * The file rebuilt with its header and table directories as they are, then every table once (faces share
     * tables by offset), each CFF table of {@code placeholders} as its placeholder, 4-byte aligned, the
     * directories' offsets and lengths pointing at the new places. Tables keep their bytes and checksums
     * (a placeholder's record keeps the real table's checksum, which OpenPDF does not check).
     */
    private static byte[] withPlaceholders(Path path, ByteBuffer file, int[] directories, Map<Integer, byte[]> placeholders) {
        int size = file.limit();
        // every table record, and where the header and directories end: the tables must all lie after them
        List<Integer> records = new ArrayList<>();
        int headEnd = 0;
        for (int dir : directories) {
            if (dir < 0 || dir + 12 > size || dir + 12 + 16 * u16(file, dir + 4) > size) {
                throw new PaibanException(path + ": not a font file: bad table directory");
            }
            int tables = u16(file, dir + 4);
            for (int i = 0; i < tables; i++) records.add(dir + 12 + 16 * i);
            headEnd = Math.max(headEnd, dir + 12 + 16 * tables);
        }
        if (u32(file, 0) == TTCF) headEnd = Math.max(headEnd, 12 + 4 * directories.length);
        // the tables by their offset in the file, each written once, in the file's order
        TreeMap<Integer, Integer> lengths = new TreeMap<>();
        for (int record : records) {
            int offset = u32(file, record + 8), length = u32(file, record + 12);
            if (offset < headEnd || length < 0 || (long) offset + length > size) {
                throw new PaibanException(path + ": not a font file: a table lies outside the file or over its directories");
            }
            lengths.merge(offset, placeholders.containsKey(offset) ? placeholders.get(offset).length : length, Math::max);
        }
        int total = align(headEnd);
        for (int length : lengths.values()) total = align(total + length);
        byte[] out = new byte[total];
        file.get(0, out, 0, headEnd);
        Map<Integer, Integer> placed = new HashMap<>();
        int at = align(headEnd);
        for (var e : lengths.entrySet()) {
            byte[] placeholder = placeholders.get(e.getKey());
            if (placeholder != null) System.arraycopy(placeholder, 0, out, at, placeholder.length);
            else file.get(e.getKey(), out, at, e.getValue());
            placed.put(e.getKey(), at);
            at = align(at + e.getValue());
        }
        for (int record : records) {
            int offset = u32(file, record + 8);
            put32(out, record + 8, placed.get(offset));
            if (placeholders.containsKey(offset)) put32(out, record + 12, placeholders.get(offset).length);
        }
        return out;
    }

    /** The whole file on the heap, for OpenPDF to read as it is. */
    private static byte[] whole(ByteBuffer file) {
        byte[] bytes = new byte[file.limit()];
        file.get(0, bytes);
        return bytes;
    }

    /** The glyph count (the 'maxp' table's numGlyphs) of face {@code index} of a font file, or -1. */
    static int glyphCount(byte[] file, int index) {
        int dir = u32(file, 0) == TTCF ? u32(file, 12 + 4 * index) : 0;
        int tables = u16(file, dir + 4);
        for (int i = 0; i < tables; i++) {
            int record = dir + 12 + 16 * i;
            if (u32(file, record) == 0x6d617870) return u16(file, u32(file, record + 8) + 4); // 'maxp'
        }
        return -1;
    }

    /** Where the 'CFF ' table record of the face whose table directory is at {@code dir} starts, or -1. */
    private static int cffRecord(Path path, ByteBuffer b, int dir) {
        if (dir < 0 || dir + 12 > b.limit()) throw new PaibanException(path + ": not a font file: bad table directory");
        int tables = u16(b, dir + 4);
        for (int i = 0; i < tables; i++) {
            int record = dir + 12 + 16 * i;
            if (record + 16 <= b.limit() && u32(b, record) == CFF) return record;
        }
        return -1;
    }

    private static int align(int n) {
        return (n + 3) & ~3;
    }

    private static int u16(byte[] b, int p) {
        return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
    }

    private static int u32(byte[] b, int p) {
        return (u16(b, p) << 16) | u16(b, p + 2);
    }

    private static int u16(ByteBuffer b, int p) {
        return b.getShort(p) & 0xffff;
    }

    private static int u32(ByteBuffer b, int p) {
        return b.getInt(p);
    }

    private static void put32(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 24);
        b[p + 1] = (byte) (v >>> 16);
        b[p + 2] = (byte) (v >>> 8);
        b[p + 3] = (byte) v;
    }
}
