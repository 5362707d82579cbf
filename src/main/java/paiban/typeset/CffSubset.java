package paiban.typeset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * paiban's own cutter for CID-keyed CFF font programs (the Noto CJK faces), used instead of OpenPDF's.
 *
 * <p>OpenPDF's subsetter (CFFFontSubset, 3.0.5) walks each glyph's Type 2 charstring to find the
 * subroutines it calls, but it skips the wrong number of hint-mask bytes: it leaves out the vstem hints
 * that a first hintmask or cntrmask may take as operands (TN #5177, "hintmask"), and it reads each
 * subroutine on its own with no hints at all. It then reads mask bytes as operators: for 圛 (U+571B) in
 * Noto Serif CJK SC Bold it calls global subroutine 65,716 of 2,843 and fails, and for other glyphs it
 * may silently drop a subroutine the glyph needs. So the faces OpenPDF embeds carry only
 * {@link #placeholder placeholder} outlines, and the finish stage puts in the real ones with
 * {@link #subset}, which runs each glyph's charstring with the subroutines called in line. The subset
 * has no subroutines at all, so nothing about them can go wrong in any reader.
 *
 * <p>The glyphs keep their CIDs (the charset maps each new glyph back to its CID), so the CIDs in the
 * content streams, the widths and the ToUnicode map stay valid unchanged. Font matrices, names, hints
 * and Private DICT values are copied byte for byte. Layout follows the CFF specification (Adobe TN #5176):
 * header, Name, Top DICT, String and (empty) Global Subr INDEXes, charset, FDSelect, CharStrings, FDArray
 * and each font DICT's Private DICT. Every offset is written as a 5-byte integer so that sizes are known
 * before offsets are.
 */
public final class CffSubset {

    private static final int CHARSET = 15, CHAR_STRINGS = 17, PRIVATE = 18, SUBRS = 19;
    private static final int ROS = 1230, FD_ARRAY = 1236, FD_SELECT = 1237;
    /** Type 2 charstring operators this class acts on (TN #5177, appendix A). */
    private static final int HSTEM = 1, VSTEM = 3, CALLSUBR = 10, RETURN = 11, ENDCHAR = 14, HSTEMHM = 18,
            HINTMASK = 19, CNTRMASK = 20, VSTEMHM = 23, CALLGSUBR = 29;
    /** The subroutine nesting limit of TN #5177, appendix B. */
    private static final int MAX_NESTING = 10;

    private CffSubset() {
    }

    /**
     * A font program holding .notdef and the glyphs of {@code cids} that the font has, with their
     * subroutines called in line.
     *
     * @throws IOException when the program is not a CID-keyed CFF this class understands, or a glyph of
     *                     {@code cids} cannot be run ({@link GlyphException} then names its CID)
     */
    public static byte[] subset(byte[] cff, Collection<Integer> cids) throws IOException {
        return subset(ByteBuffer.wrap(cff), 0, cff.length, cids);
    }

    /**
     * {@link #subset} of the program at {@code offset}, {@code length} bytes long, inside {@code file}: a font
     * file mapped into memory ({@link FontFile}) or an array's bytes. Only absolute reads are made, so one
     * buffer serves every thread.
     */
    public static byte[] subset(ByteBuffer file, int offset, int length, Collection<Integer> cids) throws IOException {
        try {
            return new Reader(file, offset, length).subset(new TreeSet<>(cids));
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new IOException("malformed CFF: " + e.getMessage(), e);
        }
    }

    /**
     * The same font with every glyph's outline empty and no subroutines: the same glyph count, charset,
     * FDSelect, font DICTs and Private DICTs (less their Subrs), so that a PDF writer that subsets and
     * embeds it writes the same CIDs, and {@link #subset} of the real program can take its place.
     */
    public static byte[] placeholder(ByteBuffer file, int offset, int length) throws IOException {
        try {
            return new Reader(file, offset, length).placeholder();
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new IOException("malformed CFF: " + e.getMessage(), e);
        }
    }

    /** A glyph that cannot be run: its CID and why. */
    public static final class GlyphException extends IOException {
        private final int cid;

        GlyphException(int cid, String why) {
            super("glyph of CID " + cid + ": " + why);
            this.cid = cid;
        }

        public int cid() {
            return cid;
        }
    }

    /** A DICT entry: its operator (two-byte operators as 1200 + second byte) and its operands' bytes. */
    private record Entry(int op, byte[] operands, List<Integer> ints) {
    }

    /** An INDEX as read: the absolute offset of each item's start, and of the end (count + 1 values). */
    private record Index(int[] at, int start, int end) {
        int count() {
            return at.length - 1;
        }
    }

    /** A growable byte buffer that can also be cut back, for dropping a subroutine number once written. */
    private static final class Buffer {
        byte[] a = new byte[256];
        int n;

        void write(int v) {
            if (n == a.length) a = Arrays.copyOf(a, n * 2);
            a[n++] = (byte) v;
        }

        void write(ByteBuffer src, int from, int len) {
            if (n + len > a.length) a = Arrays.copyOf(a, Math.max(n + len, n * 2));
            src.get(from, a, n, len);
            n += len;
        }

        byte[] bytes() {
            return Arrays.copyOf(a, n);
        }
    }

    private static final class Reader {
        private final ByteBuffer b;
        /** Where the CFF program starts in {@code b}; offsets inside the program are relative to it. */
        private final int base;
        private final int end;

        private List<Entry> top;
        private Index names, strings, gsubrs, charStrings, fdArray;
        private int glyphs, charsetAt, fdSelectAt;
        private int[] cidOfGid, fdOfGid;

        Reader(ByteBuffer b, int base, int length) {
            this.b = b;
            this.base = base;
            this.end = base + length;
            if (base < 0 || length < 4 || end > b.limit()) throw new IllegalArgumentException("no CFF program there");
        }

        private int u8(int p) {
            if (p >= end) throw new IndexOutOfBoundsException("offset " + (p - base) + " past the program's end");
            return b.get(p) & 0xff;
        }

        private int u16(int p) {
            return (u8(p) << 8) | u8(p + 1);
        }

        private int offset(int p, int size) {
            int v = 0;
            for (int i = 0; i < size; i++) v = (v << 8) | u8(p + i);
            return v;
        }

        /** The INDEX at absolute position {@code pos}. */
        Index index(int pos) {
            int count = u16(pos);
            if (count == 0) return new Index(new int[]{pos + 2}, pos, pos + 2);
            int offSize = u8(pos + 2);
            int[] at = new int[count + 1];
            int data = pos + 3 + (count + 1) * offSize - 1;
            for (int i = 0; i <= count; i++) at[i] = data + offset(pos + 3 + i * offSize, offSize);
            if (at[count] > end) throw new IndexOutOfBoundsException("an INDEX runs past the program's end");
            return new Index(at, pos, at[count]);
        }

        private byte[] bytes(int from, int to) {
            if (to < from) throw new IllegalArgumentException("a range that ends before it starts, at " + (from - base));
            byte[] copy = new byte[to - from];
            b.get(from, copy);
            return copy;
        }

        private byte[] item(Index index, int i) {
            return bytes(index.at()[i], index.at()[i + 1]);
        }

        void read() throws IOException {
            if (u8(base) != 1) throw new IOException("not CFF version 1");
            names = index(base + u8(base + 2));
            Index tops = index(names.end());
            strings = index(tops.end());
            gsubrs = index(strings.end());
            if (tops.count() != 1) throw new IOException("a CFF with " + tops.count() + " fonts");
            top = dict(item(tops, 0));
            if (find(top, ROS) == null) throw new IOException("not CID-keyed");
            charStrings = index(base + single(top, CHAR_STRINGS));
            glyphs = charStrings.count();
            charsetAt = base + single(top, CHARSET);
            fdSelectAt = base + single(top, FD_SELECT);
            cidOfGid = charset(charsetAt, glyphs);
            fdOfGid = fdSelect(fdSelectAt, glyphs);
            fdArray = index(base + single(top, FD_ARRAY));
            for (int gid = 0; gid < glyphs; gid++) {
                if (fdOfGid[gid] >= fdArray.count()) throw new IOException("glyph " + gid + " names a missing font DICT");
            }
        }

        /** A font DICT's Private DICT, and its local Subrs or null. */
        private record Private(List<Entry> dict, Index subrs) {
        }

        private Private privateOf(int fd) throws IOException {
            List<Entry> font = dict(item(fdArray, fd));
            Entry priv = find(font, PRIVATE);
            if (priv == null || priv.ints().size() != 2) throw new IOException("font DICT without Private");
            int size = priv.ints().get(0), at = base + priv.ints().get(1);
            List<Entry> p = dict(bytes(at, at + size));
            Entry subrs = find(p, SUBRS);
            return new Private(p, subrs == null ? null : index(at + subrs.ints().get(0)));
        }

        byte[] placeholder() throws IOException {
            read();
            List<byte[]> empty = new ArrayList<>(glyphs);
            byte[] endchar = {ENDCHAR};
            for (int gid = 0; gid < glyphs; gid++) empty.add(endchar);
            List<List<Entry>> fonts = new ArrayList<>();
            List<List<Entry>> privates = new ArrayList<>();
            for (int fd = 0; fd < fdArray.count(); fd++) {
                if (fdArray.at()[fd + 1] == fdArray.at()[fd]) throw new IOException("an empty font DICT");
                fonts.add(dict(item(fdArray, fd)));
                privates.add(privateOf(fd).dict());
            }
            return write(bytes(charsetAt, charsetEnd()), bytes(fdSelectAt, fdSelectEnd()), empty, fonts, privates);
        }

        byte[] subset(TreeSet<Integer> wanted) throws IOException {
            read();
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
            int[] fdOf = fdOfGid.clone();
            TreeSet<Integer> usedFds = new TreeSet<>();
            for (int gid : keep) {
                if (fdArray.at()[fdOf[gid] + 1] > fdArray.at()[fdOf[gid]]) usedFds.add(fdOf[gid]);
                else if (gid != 0) throw new IOException("glyph " + gid + " has an empty font DICT");
            }
            if (usedFds.isEmpty()) throw new IOException("no font DICT left");
            boolean bareNotdef = fdArray.at()[fdOf[0] + 1] == fdArray.at()[fdOf[0]];
            if (bareNotdef) fdOf[0] = usedFds.first();
            int[] newFd = new int[fdArray.count()];
            Private[] privates = new Private[fdArray.count()];
            List<List<Entry>> fonts = new ArrayList<>();
            List<List<Entry>> privateDicts = new ArrayList<>();
            int next = 0;
            for (int fd : usedFds) {
                newFd[fd] = next++;
                privates[fd] = privateOf(fd);
                fonts.add(dict(item(fdArray, fd)));
                privateDicts.add(privates[fd].dict());
            }

            ByteArrayOutputStream charset = new ByteArrayOutputStream();
            charset.write(0);
            ByteArrayOutputStream fdSelect = new ByteArrayOutputStream();
            fdSelect.write(0);
            List<byte[]> outlines = new ArrayList<>();
            for (int i = 0; i < keep.size(); i++) {
                int gid = keep.get(i);
                if (i > 0) {
                    charset.write(cidOfGid[gid] >> 8);
                    charset.write(cidOfGid[gid] & 0xff);
                }
                fdSelect.write(newFd[fdOf[gid]]);
                if (gid == 0 && bareNotdef) {
                    outlines.add(new byte[]{ENDCHAR});
                } else {
                    outlines.add(new Flattener(privates[fdOfGid[gid]].subrs(), cidOfGid[gid]).glyph(gid));
                }
            }
            return write(charset.toByteArray(), fdSelect.toByteArray(), outlines, fonts, privateDicts);
        }

        /**
         * Runs one glyph's charstring and writes it out with every subroutine call replaced by the
         * subroutine's body, as a Type 2 interpreter would run it: same operands, same operators, same
         * hint masks (whose length depends on the stems declared so far, hence the walk).
         */
        private final class Flattener {
            private final Index locals;
            private final int cid;
            private final Buffer out = new Buffer();
            private int stems, operands;
            /** Where in {@code out} the last token, a number, starts; -1 when the last token was not one. */
            private int lastNumber = -1;
            private int lastValue;

            Flattener(Index locals, int cid) {
                this.locals = locals;
                this.cid = cid;
            }

            byte[] glyph(int gid) throws IOException {
                if (!run(charStrings.at()[gid], charStrings.at()[gid + 1], 0)) out.write(ENDCHAR);
                return out.bytes();
            }

            /** @return whether the glyph ended (endchar) */
            private boolean run(int from, int to, int depth) throws IOException {
                int p = from;
                while (p < to) {
                    int b0 = u8(p);
                    if (b0 == 28 || b0 >= 32) {
                        int len = b0 == 28 ? 3 : b0 <= 246 ? 1 : b0 <= 254 ? 2 : 5;
                        lastValue = b0 == 28 ? (short) u16(p + 1)
                                : b0 <= 246 ? b0 - 139
                                : b0 <= 250 ? (b0 - 247) * 256 + u8(p + 1) + 108
                                : b0 <= 254 ? -(b0 - 251) * 256 - u8(p + 1) - 108
                                : Integer.MIN_VALUE; // a 16.16 fixed number: never a subroutine number
                        if (p + len > to) throw new GlyphException(cid, "a number runs past its charstring");
                        lastNumber = out.n;
                        out.write(b, p, len);
                        operands++;
                        p += len;
                        continue;
                    }
                    int op = b0 == 12 ? 1200 + u8(p + 1) : b0;
                    int len = b0 == 12 ? 2 : 1;
                    switch (op) {
                        case CALLSUBR, CALLGSUBR -> {
                            Index subrs = op == CALLSUBR ? locals : gsubrs;
                            if (subrs == null || subrs.count() == 0) throw new GlyphException(cid, "calls a subroutine its font lacks");
                            if (lastNumber < 0 || lastValue == Integer.MIN_VALUE) {
                                throw new GlyphException(cid, "calls a subroutine whose number is computed");
                            }
                            int n = lastValue + bias(subrs.count());
                            if (n < 0 || n >= subrs.count()) {
                                throw new GlyphException(cid, "calls subroutine " + n + " of " + subrs.count());
                            }
                            if (depth >= MAX_NESTING) throw new GlyphException(cid, "subroutines nested too deep");
                            out.n = lastNumber; // the number and the call go; the body comes in their place
                            lastNumber = -1;
                            operands--;
                            if (run(subrs.at()[n], subrs.at()[n + 1], depth + 1)) return true;
                            p += len;
                            continue;
                        }
                        case RETURN -> {
                            return false;
                        }
                        case ENDCHAR -> {
                            out.write(ENDCHAR);
                            return true;
                        }
                        case HSTEM, VSTEM, HSTEMHM, VSTEMHM -> stems += operands / 2;
                        case HINTMASK, CNTRMASK -> {
                            // operands left on the stack here are vstem hints (TN #5177, hintmask)
                            stems += operands / 2;
                            int mask = (stems + 7) / 8;
                            if (p + 1 + mask > to) throw new GlyphException(cid, "a hint mask runs past its charstring");
                            out.write(b, p, 1 + mask);
                            operands = 0;
                            lastNumber = -1;
                            p += 1 + mask;
                            continue;
                        }
                        default -> {
                            // path and flex operators clear the stack; the arithmetic ones (12 3 … 12 30), which
                            // could compute a subroutine number, appear in no font this was made for
                            if (op > 1200 && op < 1234 || op == 0 || op == 2 || op == 9 || op == 13 || op == 15
                                    || op == 16 || op == 17 || op > 1237) {
                                throw new GlyphException(cid, "uses charstring operator " + (op >= 1200 ? "12 " + (op - 1200) : op));
                            }
                        }
                    }
                    out.write(b, p, len);
                    operands = 0;
                    lastNumber = -1;
                    p += len;
                }
                return false;
            }
        }

        /** The subroutine bias of TN #5177, section 4.7. */
        private static int bias(int count) {
            return count < 1240 ? 107 : count < 33900 ? 1131 : 32768;
        }

        private byte[] write(byte[] charset, byte[] fdSelect, List<byte[]> outlines, List<List<Entry>> fonts,
                             List<List<Entry>> privates) {
            byte[] charStringsIndex = writeIndex(outlines);
            List<byte[]> privateBytes = new ArrayList<>();
            for (List<Entry> p : privates) privateBytes.add(writeDict(p.stream().filter(e -> e.op() != SUBRS).toList()));

            byte[] header = {1, 0, 4, 4};
            byte[] nameIndex = bytes(names.start(), names.end());
            byte[] stringIndex = bytes(strings.start(), strings.end());
            byte[] gsubrIndex = {0, 0};
            // Sizes first (offsets are fixed-width), then the same structures with the real offsets.
            int topSize = writeIndex(List.of(writeDict(top, CHARSET, 0, CHAR_STRINGS, 0, FD_SELECT, 0, FD_ARRAY, 0))).length;
            int pos = header.length + nameIndex.length + topSize + stringIndex.length + gsubrIndex.length;
            int charsetOut = pos;
            pos += charset.length;
            int fdSelectOut = pos;
            pos += fdSelect.length;
            int charStringsOut = pos;
            pos += charStringsIndex.length;
            int fdArrayOut = pos;
            List<byte[]> sizing = new ArrayList<>();
            for (List<Entry> font : fonts) sizing.add(writeDict(font, PRIVATE, 0, 0));
            pos += writeIndex(sizing).length;
            List<byte[]> fontBytes = new ArrayList<>();
            for (int i = 0; i < fonts.size(); i++) {
                fontBytes.add(writeDict(fonts.get(i), PRIVATE, privateBytes.get(i).length, pos));
                pos += privateBytes.get(i).length;
            }

            ByteArrayOutputStream out = new ByteArrayOutputStream(pos);
            out.writeBytes(header);
            out.writeBytes(nameIndex);
            out.writeBytes(writeIndex(List.of(writeDict(top, CHARSET, charsetOut, CHAR_STRINGS, charStringsOut,
                    FD_SELECT, fdSelectOut, FD_ARRAY, fdArrayOut))));
            out.writeBytes(stringIndex);
            out.writeBytes(gsubrIndex);
            out.writeBytes(charset);
            out.writeBytes(fdSelect);
            out.writeBytes(charStringsIndex);
            out.writeBytes(writeIndex(fontBytes));
            for (byte[] p : privateBytes) out.writeBytes(p);
            if (out.size() != pos) throw new IllegalStateException("CFF layout off by " + (out.size() - pos));
            return out.toByteArray();
        }

        private int single(List<Entry> dict, int op) throws IOException {
            Entry e = find(dict, op);
            if (e == null || e.ints().size() != 1) throw new IOException("Top DICT lacks operator " + op);
            return e.ints().get(0);
        }

        private int[] charset(int at, int glyphs) throws IOException {
            if (at - base <= 2) throw new IOException("predefined charset in a CID font");
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
            for (int c : cid) if (c > 0xffff) throw new IOException("CID " + c + " out of range");
            return cid;
        }

        private int charsetEnd() {
            int format = u8(charsetAt), p = charsetAt + 1, gid = 1;
            if (format == 0) return p + 2 * (glyphs - 1);
            while (gid < glyphs) {
                int left = format == 1 ? u8(p + 2) : u16(p + 2);
                p += format == 1 ? 3 : 4;
                gid += left + 1;
            }
            return p;
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

        private int fdSelectEnd() {
            return u8(fdSelectAt) == 0 ? fdSelectAt + 1 + glyphs : fdSelectAt + 3 + 3 * u16(fdSelectAt + 1) + 2;
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
