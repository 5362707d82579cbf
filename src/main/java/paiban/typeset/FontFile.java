package paiban.typeset;

import paiban.core.PaibanException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A font file (.ttf, .otf or .ttc) read into memory as OpenPDF is to see it: each CFF table's outlines
 * replaced by a {@link CffSubset#placeholder placeholder}, appended after the file's own bytes, with the
 * table records pointing there. The real CFF tables stay where they were, for {@link CffSubset#subset}.
 * TrueType (glyf) faces are left as they are: OpenPDF subsets those correctly.
 */
final class FontFile {

    private static final int TTCF = 0x74746366, CFF = 0x43464620;

    /** The bytes OpenPDF reads: the file, then the placeholders. */
    final byte[] bytes;
    /** Face index → the real CFF table's {offset, length} in {@link #bytes}; absent for TrueType faces. */
    private final Map<Integer, int[]> outlines;

    private FontFile(byte[] bytes, Map<Integer, int[]> outlines) {
        this.bytes = bytes;
        this.outlines = outlines;
    }

    /** The real CFF table of face {@code index}, as {offset, length}, or null. */
    int[] outlines(int index) {
        return outlines.get(index);
    }

    static FontFile read(Path path) throws IOException {
        byte[] file = Files.readAllBytes(path);
        if (file.length < 12) return new FontFile(file, Map.of());
        int[] directories;
        if (u32(file, 0) == TTCF) {
            directories = new int[u32(file, 8)];
            for (int i = 0; i < directories.length; i++) directories[i] = u32(file, 12 + 4 * i);
        } else {
            directories = new int[]{0};
        }
        // Faces of a collection share one CFF table: one placeholder serves them all.
        Map<Integer, byte[]> placeholders = new LinkedHashMap<>();
        Map<Integer, int[]> outlines = new LinkedHashMap<>();
        for (int face = 0; face < directories.length; face++) {
            int record = cffRecord(file, directories[face]);
            if (record < 0) continue;
            int offset = u32(file, record + 8), length = u32(file, record + 12);
            if (!placeholders.containsKey(offset)) {
                try {
                    placeholders.put(offset, CffSubset.placeholder(file, offset, length));
                } catch (IOException notCidKeyed) {
                    // a CFF this cutter does not know (a name-keyed font, say a publisher's Latin face): left
                    // to OpenPDF's own subsetter, with the fault CffSubset describes
                    continue;
                }
            }
            outlines.put(face, new int[]{offset, length});
        }
        if (placeholders.isEmpty()) return new FontFile(file, Map.of());
        int size = align(file.length);
        Map<Integer, Integer> placed = new LinkedHashMap<>();
        for (var e : placeholders.entrySet()) {
            placed.put(e.getKey(), size);
            size = align(size + e.getValue().length);
        }
        byte[] bytes = Arrays.copyOf(file, size);
        for (var e : placeholders.entrySet()) {
            System.arraycopy(e.getValue(), 0, bytes, placed.get(e.getKey()), e.getValue().length);
        }
        for (int face : outlines.keySet()) {
            int record = cffRecord(bytes, directories[face]);
            int offset = u32(bytes, record + 8);
            put32(bytes, record + 8, placed.get(offset));
            put32(bytes, record + 12, placeholders.get(offset).length);
        }
        return new FontFile(bytes, Map.copyOf(outlines));
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
    private static int cffRecord(byte[] b, int dir) {
        if (dir < 0 || dir + 12 > b.length) throw new PaibanException("not a font file: bad table directory");
        int tables = u16(b, dir + 4);
        for (int i = 0; i < tables; i++) {
            int record = dir + 12 + 16 * i;
            if (record + 16 <= b.length && u32(b, record) == CFF) return record;
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

    private static void put32(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 24);
        b[p + 1] = (byte) (v >>> 16);
        b[p + 2] = (byte) (v >>> 8);
        b[p + 3] = (byte) v;
    }
}
