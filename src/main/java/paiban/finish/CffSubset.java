package paiban.finish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Cuts a CID-keyed CFF font program down to the glyphs a document shows.
 *
 * <p>OpenPDF's subsets of the Noto CJK fonts keep all 65,535 glyph slots, emptying the unused ones, so
 * the CharStrings index alone costs about 200 KB per face even for a headline of ten characters. Here
 * the font is rebuilt with only .notdef and the used glyphs, and a charset that maps each new glyph back
 * to its CID: the CIDs in the content streams, the widths and the ToUnicode map stay valid unchanged.
 * Outlines, subroutines (global and local, with their biases), font matrices and names are copied byte
 * for byte; only the offsets that tie the tables together are rewritten.
 *
 * <p>Layout follows the CFF specification (Adobe TN #5176): header, Name, Top DICT, String and Global
 * Subr INDEXes, then charset (format 0), FDSelect (format 0), CharStrings, FDArray and each used font
 * DICT's Private DICT followed by its local Subrs. Every offset is written as a 5-byte integer so that
 * sizes are known before offsets are.
 */
final class CffSubset {

    private static final int CHARSET = 15, CHAR_STRINGS = 17, PRIVATE = 18, SUBRS = 19;
    private static final int ROS = 1230, FD_ARRAY = 1236, FD_SELECT = 1237;

    private CffSubset() {
    }

    /**
     * A font program holding .notdef and the glyphs of {@code cids} that the font has.
     *
     * @throws IOException when the program is not a CID-keyed CFF this class understands; callers keep
     *                     the original then
     */
    static byte[] subset(byte[] cff, Collection<Integer> cids) throws IOException {
        try {
            return new CffSubset.Reader(cff).subset(new TreeSet<>(cids));
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new IOException("malformed CFF: " + e.getMessage(), e);
        }
    }

    /** A DICT entry: its operator (two-byte operators as 1200 + second byte) and its operands' bytes. */
    private record Entry(int op, byte[] operands, List<Integer> ints) {
    }

    /** An INDEX as read: its items and where it ends. */
    private record Index(List<byte[]> items, int start, int end) {
    }

    private static final class Reader {
        private final byte[] b;

        Reader(byte[] b) {
            this.b = b;
        }

        private int u8(int p) {
            return b[p] & 0xff;
        }

        private int u16(int p) {
            return (u8(p) << 8) | u8(p + 1);
        }

        private int offset(int p, int size) {
            int v = 0;
            for (int i = 0; i < size; i++) v = (v << 8) | u8(p + i);
            return v;
        }

        Index index(int pos) {
            int count = u16(pos);
            if (count == 0) {
                return new Index(List.of(), pos, pos + 2);
            }
            int offSize = u8(pos + 2);
            int[] off = new int[count + 1];
            for (int i = 0; i <= count; i++) off[i] = offset(pos + 3 + i * offSize, offSize);
            int data = pos + 3 + (count + 1) * offSize - 1;
            List<byte[]> items = new ArrayList<>(count);
            for (int i = 0; i < count; i++) items.add(Arrays.copyOfRange(b, data + off[i], data + off[i + 1]));
            return new Index(items, pos, data + off[count]);
        }

        byte[] subset(TreeSet<Integer> wanted) throws IOException {
            if (u8(0) != 1) throw new IOException("not CFF version 1");
            Index names = index(u8(2));
            Index tops = index(names.end());
            Index strings = index(tops.end());
            Index gsubrs = index(strings.end());
            if (tops.items().size() != 1) throw new IOException("a CFF with " + tops.items().size() + " fonts");
            List<Entry> top = dict(tops.items().get(0));
            if (find(top, ROS) == null) throw new IOException("not CID-keyed");

            Index charStrings = index(single(top, CHAR_STRINGS));
            int glyphs = charStrings.items().size();
            int[] cidOfGid = charset(single(top, CHARSET), glyphs);
            int[] fdOfGid = fdSelect(single(top, FD_SELECT), glyphs);
            Index fdArray = index(single(top, FD_ARRAY));

            // New glyph order: .notdef, then the wanted CIDs the font has, by CID.
            int[] gidOfCid = new int[65536];
            Arrays.fill(gidOfCid, -1);
            for (int gid = 0; gid < glyphs; gid++) gidOfCid[cidOfGid[gid]] = gid;
            List<Integer> keep = new ArrayList<>();
            keep.add(0);
            for (int cid : wanted) {
                if (cid > 0 && cid < 65536 && gidOfCid[cid] > 0) keep.add(gidOfCid[cid]);
            }

            // OpenPDF empties the font DICTs of FDs none of its glyphs use, and .notdef is often in one.
            // Nothing shows .notdef, so it becomes a bare endchar under the first FD that is whole.
            List<byte[]> charStringItems = new ArrayList<>(charStrings.items());
            TreeSet<Integer> usedFds = new TreeSet<>();
            for (int gid : keep) {
                if (fdArray.items().get(fdOfGid[gid]).length > 0) usedFds.add(fdOfGid[gid]);
                else if (gid != 0) throw new IOException("glyph " + gid + " has an empty font DICT");
            }
            if (usedFds.isEmpty()) throw new IOException("no font DICT left");
            if (fdArray.items().get(fdOfGid[0]).length == 0) {
                fdOfGid[0] = usedFds.first();
                charStringItems.set(0, new byte[]{14});
            }
            int[] newFd = new int[fdArray.items().size()];
            int next = 0;
            for (int fd : usedFds) newFd[fd] = next++;

            ByteArrayOutputStream charset = new ByteArrayOutputStream();
            charset.write(0);
            ByteArrayOutputStream fdSelect = new ByteArrayOutputStream();
            fdSelect.write(0);
            List<byte[]> strings2 = new ArrayList<>();
            for (int i = 0; i < keep.size(); i++) {
                int gid = keep.get(i);
                if (i > 0) {
                    charset.write(cidOfGid[gid] >> 8);
                    charset.write(cidOfGid[gid] & 0xff);
                }
                fdSelect.write(newFd[fdOfGid[gid]]);
                strings2.add(charStringItems.get(gid));
            }
            byte[] charStringsIndex = writeIndex(strings2);

            // Each used font DICT, its Private DICT and that DICT's local Subrs, in the new order.
            List<List<Entry>> fontDicts = new ArrayList<>();
            List<List<Entry>> privates = new ArrayList<>();
            List<byte[]> localSubrs = new ArrayList<>();
            for (int fd : usedFds) {
                List<Entry> font = dict(fdArray.items().get(fd));
                Entry priv = find(font, PRIVATE);
                if (priv == null || priv.ints().size() != 2) throw new IOException("font DICT without Private");
                int size = priv.ints().get(0), at = priv.ints().get(1);
                List<Entry> p = dict(Arrays.copyOfRange(b, at, at + size));
                Entry subrs = find(p, SUBRS);
                byte[] local = new byte[0];
                if (subrs != null) {
                    Index li = index(at + subrs.ints().get(0));
                    local = Arrays.copyOfRange(b, li.start(), li.end());
                }
                fontDicts.add(font);
                privates.add(p);
                localSubrs.add(local);
            }

            byte[] header = {1, 0, 4, 4};
            byte[] nameIndex = Arrays.copyOfRange(b, names.start(), names.end());
            byte[] stringIndex = Arrays.copyOfRange(b, strings.start(), strings.end());
            byte[] gsubrIndex = Arrays.copyOfRange(b, gsubrs.start(), gsubrs.end());
            // Sizes first (offsets are fixed-width), then the same structures with the real offsets.
            int topSize = writeIndex(List.of(writeDict(top, CHARSET, 0, CHAR_STRINGS, 0, FD_SELECT, 0, FD_ARRAY, 0))).length;
            int pos = header.length + nameIndex.length + topSize + stringIndex.length + gsubrIndex.length;
            int charsetAt = pos;
            pos += charset.size();
            int fdSelectAt = pos;
            pos += fdSelect.size();
            int charStringsAt = pos;
            pos += charStringsIndex.length;
            int fdArrayAt = pos;
            List<byte[]> sizing = new ArrayList<>();
            for (List<Entry> font : fontDicts) sizing.add(writeDict(font, PRIVATE, 0, 0));
            pos += writeIndex(sizing).length;
            List<byte[]> privateBytes = new ArrayList<>();
            List<byte[]> fontBytes = new ArrayList<>();
            for (int i = 0; i < fontDicts.size(); i++) {
                byte[] p = localSubrs.get(i).length == 0 ? writeDict(privates.get(i))
                        : writeDict(privates.get(i), SUBRS, writeDict(privates.get(i), SUBRS, 0).length);
                fontBytes.add(writeDict(fontDicts.get(i), PRIVATE, p.length, pos));
                privateBytes.add(p);
                pos += p.length + localSubrs.get(i).length;
            }

            ByteArrayOutputStream out = new ByteArrayOutputStream(pos);
            out.write(header);
            out.write(nameIndex);
            out.write(writeIndex(List.of(writeDict(top, CHARSET, charsetAt, CHAR_STRINGS, charStringsAt,
                    FD_SELECT, fdSelectAt, FD_ARRAY, fdArrayAt))));
            out.write(stringIndex);
            out.write(gsubrIndex);
            charset.writeTo(out);
            fdSelect.writeTo(out);
            out.write(charStringsIndex);
            out.write(writeIndex(fontBytes));
            for (int i = 0; i < privateBytes.size(); i++) {
                out.write(privateBytes.get(i));
                out.write(localSubrs.get(i));
            }
            if (out.size() != pos) throw new IllegalStateException("CFF layout off by " + (out.size() - pos));
            return out.toByteArray();
        }

        private int single(List<Entry> dict, int op) throws IOException {
            Entry e = find(dict, op);
            if (e == null || e.ints().size() != 1) throw new IOException("Top DICT lacks operator " + op);
            return e.ints().get(0);
        }

        private int[] charset(int at, int glyphs) throws IOException {
            if (at <= 2) throw new IOException("predefined charset in a CID font");
            int[] cid = new int[glyphs];
            int format = u8(at), p = at + 1, gid = 1;
            switch (format) {
                case 0 -> {
                    for (; gid < glyphs; gid++, p += 2) cid[gid] = u16(p);
                }
                case 1, 2 -> {
                    while (gid < glyphs) {
                        int first = u16(p);
                        int left = format == 1 ? u8(p + 2) : u16(p + 2);
                        p += format == 1 ? 3 : 4;
                        for (int i = 0; i <= left && gid < glyphs; i++) cid[gid++] = first + i;
                    }
                }
                default -> throw new IOException("charset format " + format);
            }
            return cid;
        }

        private int[] fdSelect(int at, int glyphs) throws IOException {
            int[] fd = new int[glyphs];
            int format = u8(at);
            if (format == 0) {
                for (int g = 0; g < glyphs; g++) fd[g] = u8(at + 1 + g);
            } else if (format == 3) {
                int ranges = u16(at + 1);
                for (int r = 0; r < ranges; r++) {
                    int p = at + 3 + r * 3;
                    int first = u16(p), value = u8(p + 2), end = u16(p + 3);
                    for (int g = first; g < end && g < glyphs; g++) fd[g] = value;
                }
            } else {
                throw new IOException("FDSelect format " + format);
            }
            return fd;
        }
    }

    private static Entry find(List<Entry> dict, int op) {
        return dict.stream().filter(e -> e.op() == op).findFirst().orElse(null);
    }

    /** Reads a DICT, keeping each entry's operand bytes as they were and the integer operands decoded. */
    private static List<Entry> dict(byte[] d) {
        List<Entry> out = new ArrayList<>();
        int start = 0, p = 0;
        List<Integer> ints = new ArrayList<>();
        while (p < d.length) {
            int b0 = d[p] & 0xff;
            if (b0 <= 21) {
                int op = b0;
                int len = 1;
                if (b0 == 12) {
                    op = 1200 + (d[p + 1] & 0xff);
                    len = 2;
                }
                out.add(new Entry(op, Arrays.copyOfRange(d, start, p), List.copyOf(ints)));
                p += len;
                start = p;
                ints.clear();
            } else if (b0 == 28) {
                ints.add((int) (short) (((d[p + 1] & 0xff) << 8) | (d[p + 2] & 0xff)));
                p += 3;
            } else if (b0 == 29) {
                ints.add(((d[p + 1] & 0xff) << 24) | ((d[p + 2] & 0xff) << 16) | ((d[p + 3] & 0xff) << 8) | (d[p + 4] & 0xff));
                p += 5;
            } else if (b0 == 30) {
                p++;
                while (p < d.length && (d[p] & 0x0f) != 0x0f && (d[p] & 0xf0) != 0xf0) p++;
                p++;
                ints.add(0); // a real: never an offset; its bytes are kept as they were
            } else if (b0 >= 32 && b0 <= 246) {
                ints.add(b0 - 139);
                p++;
            } else if (b0 >= 247 && b0 <= 250) {
                ints.add((b0 - 247) * 256 + (d[p + 1] & 0xff) + 108);
                p += 2;
            } else if (b0 >= 251 && b0 <= 254) {
                ints.add(-(b0 - 251) * 256 - (d[p + 1] & 0xff) - 108);
                p += 2;
            } else {
                throw new IllegalArgumentException("DICT byte " + b0);
            }
        }
        return out;
    }

    /**
     * Writes a DICT back; {@code replace} gives operator, value, value…, in order: an operator followed by
     * as many values as it takes (Private takes two, the others one), each written as a 5-byte integer.
     */
    private static byte[] writeDict(List<Entry> dict, int... replace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Entry e : dict) {
            int at = -1;
            for (int i = 0; i < replace.length; i += (replace[i] == PRIVATE ? 3 : 2)) {
                if (replace[i] == e.op()) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                out.writeBytes(e.operands());
            } else {
                int values = e.op() == PRIVATE ? 2 : 1;
                for (int v = 0; v < values; v++) {
                    int x = replace[at + 1 + v];
                    out.write(29);
                    out.write(x >>> 24);
                    out.write(x >>> 16);
                    out.write(x >>> 8);
                    out.write(x);
                }
            }
            if (e.op() >= 1200) {
                out.write(12);
                out.write(e.op() - 1200);
            } else {
                out.write(e.op());
            }
        }
        return out.toByteArray();
    }

    private static byte[] writeIndex(List<byte[]> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(items.size() >> 8);
        out.write(items.size() & 0xff);
        if (items.isEmpty()) {
            return out.toByteArray();
        }
        long total = 1;
        for (byte[] item : items) total += item.length;
        int offSize = total <= 0xff ? 1 : total <= 0xffff ? 2 : total <= 0xffffff ? 3 : 4;
        out.write(offSize);
        int off = 1;
        for (int i = 0; i <= items.size(); i++) {
            for (int k = offSize - 1; k >= 0; k--) out.write(off >>> (8 * k));
            if (i < items.size()) off += items.get(i).length;
        }
        for (byte[] item : items) out.writeBytes(item);
        return out.toByteArray();
    }
}
