package paiban.typeset;

import org.openpdf.text.pdf.BaseFont;
import paiban.core.PaibanException;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.io.File;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One font face in a typographic role. The typesetter measures with the same OpenPDF {@link BaseFont}
 * that the renderer embeds ({@link #renderFont()}), so advance widths and the printed glyphs cannot
 * disagree.
 */
public final class Face {

    private final String role;
    private final String name;
    private final String file;
    private final BaseFont font;
    /** The face's PostScript name inside its file, to find the same face with Java 2D. */
    private final String postscript;
    /** The font file as it is on disk and where the face's real CFF table lies in it ({offset, length}), or
     * null when OpenPDF embeds the face's own outlines (TrueType faces). */
    private final ByteBuffer fontFile;
    private final int[] cffTable;
    private final int faceIndex;
    private volatile BaseFont whole;
    private final Map<Integer, float[]> inks = new ConcurrentHashMap<>();
    private volatile Font outlines;
    private volatile boolean outlinesTried;

    Face(String role, String name, String file, BaseFont font, String postscript) {
        this(role, name, file, font, postscript, 0, null, null);
    }

    Face(String role, String name, String file, BaseFont font, String postscript, int faceIndex, ByteBuffer fontFile,
         int[] outlines) {
        this.faceIndex = faceIndex;
        this.role = role;
        this.name = name;
        this.file = file;
        this.font = font;
        this.postscript = postscript;
        this.fontFile = fontFile;
        this.cffTable = outlines;
    }

    /** The role name, which is also the CSS font-family the layout uses for it. */
    public String role() {
        return role;
    }

    /** The face's own name, e.g. "Noto Serif CJK SC". */
    public String name() {
        return name;
    }

    public String file() {
        return file;
    }

    /**
     * The font the render stage registers with Flying Saucer and paints with: for a CID-keyed CFF face
     * its outlines are placeholders that the finish stage replaces ({@link CffSubset}); the metrics
     * (advances, cmap, ascent) are the face's own. A PDF that does not go through finish must use
     * {@link #baseFont()}.
     */
    public BaseFont renderFont() {
        return font;
    }

    /**
     * The face with its own outlines, for a PDF made without the finish stage (a test, a tool): OpenPDF
     * then subsets it itself, with the fault {@link CffSubset} describes. Loaded on first use.
     */
    public BaseFont baseFont() {
        if (cffTable == null) return font;
        BaseFont own = whole;
        if (own == null) {
            synchronized (this) {
                if (whole == null) {
                    try {
                        String spec = file.toLowerCase(java.util.Locale.ROOT).endsWith(".ttc") ? file + "," + faceIndex : file;
                        whole = BaseFont.createFont(spec, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
                                java.nio.file.Files.readAllBytes(java.nio.file.Path.of(file)), null, false, false);
                        whole.setCompressionLevel(java.util.zip.Deflater.BEST_SPEED);
                    } catch (java.io.IOException | org.openpdf.text.DocumentException e) {
                        throw new paiban.core.PaibanException(file + ": cannot be read again (" + e.getMessage() + ")", e);
                    }
                }
                own = whole;
            }
        }
        return own;
    }

    /** The face's PostScript name, e.g. "NotoSerifCJKsc-Bold": the name a PDF gives the embedded font. */
    public String postscript() {
        return postscript;
    }

    /**
     * Whether the font that {@link #renderFont()} embeds carries only placeholder outlines (a CID-keyed CFF
     * face, see {@link CffSubset}), so that the finish stage must put in {@link #outlines(java.util.Collection)}.
     */
    public boolean embedsPlaceholders() {
        return cffTable != null;
    }

    /**
     * The face's real outlines for the given CIDs (glyph ids), as a CFF program; see {@link CffSubset#subset}.
     *
     * @throws PaibanException when the font file was cut short or replaced on the disk since it was read: the
     *                         outlines are read from the file as mapped, and the JVM reports a mapped region
     *                         that is no longer there as an InternalError
     */
    public byte[] outlines(java.util.Collection<Integer> cids) throws java.io.IOException {
        if (cffTable == null) throw new IllegalStateException(this + " embeds its own outlines");
        try {
            return CffSubset.subset(fontFile, cffTable[0], cffTable[1], cids);
        } catch (InternalError gone) {
            throw new PaibanException(file + ": the font file changed on the disk while paiban was using it (its "
                    + "outlines are read from the file as the pages need them); build again once it is in place", gone);
        }
    }

    public boolean has(int codePoint) {
        return font.charExists(codePoint);
    }

    /** The advance width in em. */
    public float advance(int codePoint) {
        return font.getWidth(codePoint) / 1000f;
    }

    /**
     * Where a glyph's ink lies across its advance, as {@code {left, right}} in em, or null when Java 2D
     * cannot read the font. Punctuation compression needs it: a mark may lose only a blank half, and
     * whether its half is blank depends on the face (Noto SC sets ，。 at the left, UKai centres them).
     */
    public float[] ink(int codePoint) {
        Font f = outlines();
        if (f == null) return null;
        return inks.computeIfAbsent(codePoint, cp -> {
            var gv = f.createGlyphVector(new FontRenderContext(null, false, false), new String(Character.toChars(cp)));
            Rectangle2D b = gv.getGlyphVisualBounds(0).getBounds2D();
            return b.isEmpty() ? new float[] {0, 0} : new float[] {(float) b.getMinX() / 1000f, (float) b.getMaxX() / 1000f};
        });
    }

    private Font outlines() {
        if (!outlinesTried) {
            synchronized (this) {
                if (!outlinesTried) {
                    try {
                        Font[] all = Font.createFonts(new File(file));
                        Font pick = all.length == 1 ? all[0] : null;
                        for (Font f : all) if (f.getPSName().equalsIgnoreCase(postscript)) pick = f;
                        outlines = pick == null ? null : pick.deriveFont(1000f);
                    } catch (java.awt.FontFormatException | java.io.IOException | RuntimeException e) {
                        // a font Java 2D cannot read: punctuation falls back to the clreq defaults
                        outlines = null;
                    }
                    outlinesTried = true;
                }
            }
        }
        return outlines;
    }

    /** Distance from the baseline to the top of the em box, in em (0.88 for Noto CJK). */
    public float emTop() {
        float asc = font.getFontDescriptor(BaseFont.ASCENT, 1000f);
        float desc = font.getFontDescriptor(BaseFont.DESCENT, 1000f);
        float em = asc - desc;
        return em <= 0 ? 0.88f : asc / em;
    }

    @Override
    public String toString() {
        return role + " (" + name + ")";
    }
}
