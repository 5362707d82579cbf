package paiban.finish;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDVectorFont;
import org.apache.pdfbox.pdmodel.graphics.blend.BlendMode;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.PDGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;
import org.apache.pdfbox.rendering.RenderDestination;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
import paiban.codec.TurboJpeg;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * PDFBox's renderer, drawing the glyphs of a page from {@link GlyphMasks} instead of filling each outline
 * anew. A glyph is stamped only where the result is what PDFBox itself would draw, give or take the
 * quarter-pixel phase: on the page's own image (not inside a transparency group or pattern), upright and
 * unsheared, filled (render mode 0) in a plain colour with normal blending and no soft mask, outside optional
 * content, and wholly inside a rectangular clip. Every other glyph, and everything that is not a glyph, is
 * PDFBox's to draw.
 */
final class PreviewRenderer extends PDFRenderer {

    private final GlyphMasks masks;
    private final GlyphMasks.Scratch scratch;
    /** The page image being drawn, whose pixels the drawer stamps glyphs into; null when drawing elsewhere. */
    private int[] pixels;
    private int width;
    private int height;
    private int stamped;
    private int drawn;

    PreviewRenderer(PDDocument document, GlyphMasks masks) {
        super(document);
        this.masks = masks;
        this.scratch = masks.new Scratch();
    }

    /**
     * Draws page {@code index} at {@code scale} (1 = 72 dpi) on white, as {@link #renderImage(int, float,
     * ImageType)} does with {@link ImageType#RGB}.
     */
    BufferedImage draw(int index, float scale) throws IOException {
        PDPage page = getDocument().getPage(index);
        if (page.getRotation() != 0 || hasBlendMode(page)) {
            // PDFBox draws these on a transparent image first; leave them to it, glyphs and all
            return renderImage(index, scale, ImageType.RGB);
        }
        PDRectangle crop = page.getCropBox();
        int w = (int) Math.max(Math.floor(crop.getWidth() * scale), 1);
        int h = (int) Math.max(Math.floor(crop.getHeight() * scale), 1);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setBackground(Color.WHITE);
            g.clearRect(0, 0, w, h);
            pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
            width = w;
            height = h;
            renderPageToGraphics(index, g, scale, scale, RenderDestination.EXPORT);
        } finally {
            pixels = null;
            g.dispose();
        }
        return image;
    }

    /** Glyphs stamped from masks and glyphs left to PDFBox so far, for tests. */
    int[] counts() {
        return new int[] {stamped, drawn};
    }

    private PDDocument getDocument() {
        return document;
    }

    /** As PDFRenderer decides to draw a page on a transparent image: a blend mode in the page's own resources. */
    private static boolean hasBlendMode(PDPage page) {
        PDResources resources = page.getResources();
        if (resources == null) return false;
        for (COSName name : resources.getExtGStateNames()) {
            PDExtendedGraphicsState gs = resources.getExtGState(name);
            if (gs != null && gs.getBlendMode() != BlendMode.NORMAL) return true;
        }
        return false;
    }

    @Override
    protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
        return new Drawer(parameters);
    }

    private final class Drawer extends PageDrawer {

        private final int[] target = pixels;
        private Graphics2D pageGraphics;
        /** Open marked-content sequences that are optional content, which PDFBox may hide. */
        private int optional;
        private int markedDepth;
        private int optionalFrom = -1;
        /** The clip last looked at, and the whole pixels it leaves wholly visible (x0, y0, x1, y1). */
        private List<Path2D> clipSeen;
        private AffineTransform clipTransform;
        private int[] clipPixels;
        /** The font and size of the glyph before, which the next one mostly shares, with their numbers. */
        private PDFont lastFont;
        private int lastFontNumber;
        private float lastScaleX = Float.NaN, lastScaleY = Float.NaN;
        private int lastSize;

        Drawer(PageDrawerParameters parameters) throws IOException {
            super(parameters);
        }

        @Override
        public void drawPage(Graphics2D g, PDRectangle pageSize) throws IOException {
            pageGraphics = g;
            super.drawPage(g, pageSize);
        }

        @Override
        public void beginMarkedContentSequence(COSName tag, COSDictionary properties) {
            super.beginMarkedContentSequence(tag, properties);
            markedDepth++;
            if (optionalFrom < 0 && COSName.OC.equals(tag)) optionalFrom = markedDepth;
        }

        @Override
        public void endMarkedContentSequence() {
            if (markedDepth == optionalFrom) optionalFrom = -1;
            if (markedDepth > 0) markedDepth--;
            super.endMarkedContentSequence();
        }

        @Override
        protected void showFontGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement)
                throws IOException {
            if (stamp(textRenderingMatrix, font, code)) {
                stamped++;
            } else {
                drawn++;
                super.showFontGlyph(textRenderingMatrix, font, code, displacement);
            }
        }

        @Override
        public void drawImage(PDImage image) throws IOException {
            if (!drawPhoto(image)) super.drawImage(image);
        }

        /**
         * Draws a plain JPEG photo (DeviceRGB or DeviceGray, nothing masking, recolouring or hiding it)
         * decoded by libjpeg-turbo at the smallest eighth of its size that still covers the pixels it
         * fills, then scaled as PDFBox scales images; false when PDFBox must draw it. PDFBox would decode
         * it whole with ImageIO, convert it sample by sample and then drop pixels to shrink it.
         */
        private boolean drawPhoto(PDImage image) throws IOException {
            TurboJpeg turbo = TurboJpeg.get();
            Graphics2D g = getGraphics();
            if (turbo == null || target == null || g != pageGraphics || optionalFrom >= 0) return false;
            if (!(image instanceof PDImageXObject x) || !plainJpeg(x.getCOSObject())) return false;
            PDGraphicsState state = getGraphicsState();
            if (state.getSoftMask() != null || state.getTransfer() != null
                    || !(state.getNonStrokingJavaComposite() instanceof AlphaComposite ac)
                    || ac.getRule() != AlphaComposite.SRC_OVER || ac.getAlpha() != 1f) {
                return false;
            }
            AffineTransform at = state.getCurrentTransformationMatrix().createAffineTransform();
            AffineTransform device = g.getTransform();
            device.concatenate(at);
            double across = Math.hypot(device.getScaleX(), device.getShearY());
            double down = Math.hypot(device.getShearX(), device.getScaleY());
            if (!(across >= 1 && down >= 1)) return false;
            byte[] jpeg;
            try (InputStream in = x.getCOSObject().createRawInputStream()) {
                jpeg = in.readAllBytes();
            }
            BufferedImage photo;
            try {
                photo = turbo.decode(jpeg, (int) Math.ceil(across), (int) Math.ceil(down));
            } catch (IOException damaged) {
                return false;  // PDFBox's decoder, and its warnings, then
            }
            if (photo == null) return false;
            AffineTransform place = new AffineTransform(at);
            place.scale(1.0 / photo.getWidth(), -1.0 / photo.getHeight());
            place.translate(0, -photo.getHeight());
            Object interpolation = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
            // as PDFBox: an image drawn larger than its pixels, and not asking to be smoothed, keeps them sharp
            boolean sharp = !x.getInterpolate() && (photo.getWidth() <= Math.round(across)
                    || photo.getHeight() <= Math.round(down));
            // else bilinear, not PDFBox's bicubic: decoded at M/8, the photo is shrunk by less than half here,
            // where the two look alike on a 1200 px page and bicubic took a tenth of the previews' time
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, sharp ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR
                    : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setComposite(ac);
            setClip();
            g.drawImage(photo, place, null);
            if (interpolation != null) g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            return true;
        }

        /** Stamps the glyph from its mask when that draws what PDFBox would; false when PDFBox must draw it. */
        private boolean stamp(Matrix trm, PDFont font, int code) throws IOException {
            Graphics2D g = getGraphics();
            if (target == null || g != pageGraphics || optionalFrom >= 0) return false;
            if (!(font instanceof PDVectorFont vector) || !font.isEmbedded()) return false;
            if (font != lastFont) {
                COSObjectKey key = font.getCOSObject().getKey();
                lastFont = font;
                lastFontNumber = key == null ? -1 : masks.font(key);
            }
            if (lastFontNumber < 0) return false;
            PDGraphicsState state = getGraphicsState();
            if (state.getTextState().getRenderingMode() != RenderingMode.FILL || state.getSoftMask() != null) {
                return false;
            }
            Composite composite = state.getNonStrokingJavaComposite();
            if (!(composite instanceof AlphaComposite ac) || ac.getRule() != AlphaComposite.SRC_OVER) return false;
            Paint paint = getNonStrokingPaint();
            if (!(paint instanceof Color colour)) return false;

            AffineTransform device = g.getTransform();
            device.concatenate(trm.createAffineTransform());
            device.concatenate(font.getFontMatrix().createAffineTransform());
            if (device.getShearX() != 0 || device.getShearY() != 0) return false;
            int[] visible = visiblePixels(g);
            if (visible == null) return false;

            float scaleX = (float) device.getScaleX(), scaleY = (float) device.getScaleY();
            if (scaleX != lastScaleX || scaleY != lastScaleY) {
                lastScaleX = scaleX;
                lastScaleY = scaleY;
                lastSize = masks.size(scaleX, scaleY);
            }
            if (lastSize < 0) return false;
            long qx = Math.round(device.getTranslateX() * GlyphMasks.PHASES);
            long qy = Math.round(device.getTranslateY() * GlyphMasks.PHASES);
            GlyphMasks.Mask mask = masks.get(lastFontNumber, lastSize, scaleX, scaleY, code,
                    Math.floorMod(qx, GlyphMasks.PHASES), Math.floorMod(qy, GlyphMasks.PHASES),
                    vector, scratch);
            if (mask == null) return false;
            if (mask.width() == 0) return true;
            long x = Math.floorDiv(qx, GlyphMasks.PHASES) + mask.x();
            long y = Math.floorDiv(qy, GlyphMasks.PHASES) + mask.y();
            if (x < visible[0] || y < visible[1] || x + mask.width() > visible[2] || y + mask.height() > visible[3]) {
                return false;
            }
            int alpha = Math.round(colour.getAlpha() * ac.getAlpha());
            blend(mask, (int) x, (int) y, colour.getRGB(), alpha);
            return true;
        }

        /**
         * The whole pixels of the page image that the current clip leaves wholly visible, as x0, y0, x1, y1
         * (exclusive), or null when the clip is not a rectangle.
         */
        private int[] visiblePixels(Graphics2D g) {
            List<Path2D> paths = getGraphicsState().getCurrentClippingPaths();
            AffineTransform t = g.getTransform();
            if (paths != clipSeen || !t.equals(clipTransform)) {
                clipSeen = paths;
                clipTransform = t;
                Area clip = getGraphicsState().getCurrentClippingPath();
                if (clip.isRectangular()) {
                    Rectangle2D r = t.createTransformedShape(clip.getBounds2D()).getBounds2D();
                    clipPixels = new int[] {
                            (int) Math.max(0, Math.ceil(r.getMinX())), (int) Math.max(0, Math.ceil(r.getMinY())),
                            (int) Math.min(width, Math.floor(r.getMaxX())), (int) Math.min(height, Math.floor(r.getMaxY()))};
                } else {
                    clipPixels = null;
                }
            }
            return clipPixels;
        }

        /** Source-over of {@code rgb} at {@code alpha} through the mask's coverage, as Java2D's mask fill. */
        private void blend(GlyphMasks.Mask mask, int x, int y, int rgb, int alpha) {
            int sr = (rgb >> 16) & 0xff, sg = (rgb >> 8) & 0xff, sb = rgb & 0xff;
            byte[] coverage = mask.coverage();
            int w = mask.width();
            for (int row = 0; row < mask.height(); row++) {
                int from = row * w;
                int at = (y + row) * width + x;
                for (int col = 0; col < w; col++) {
                    int c = coverage[from + col] & 0xff;
                    if (c == 0) continue;
                    int a = alpha == 255 ? c : mul8(c, alpha);
                    if (a == 255) {
                        target[at + col] = rgb & 0xffffff;
                        continue;
                    }
                    int d = target[at + col];
                    int na = 255 - a;
                    int r = mul8(sr, a) + mul8((d >> 16) & 0xff, na);
                    int gg = mul8(sg, a) + mul8((d >> 8) & 0xff, na);
                    int b = mul8(sb, a) + mul8(d & 0xff, na);
                    target[at + col] = (r << 16) | (gg << 8) | b;
                }
            }
        }
    }

    /**
     * Whether an image XObject is only a JPEG of 8-bit DeviceRGB or DeviceGray samples: no mask, soft
     * mask, decode array or optional content, and not a stencil.
     */
    private static boolean plainJpeg(COSStream image) {
        COSBase filter = image.getDictionaryObject(COSName.FILTER);
        boolean dct = COSName.DCT_DECODE.equals(filter)
                || filter instanceof COSArray a && a.size() == 1 && COSName.DCT_DECODE.equals(a.getObject(0));
        COSBase space = image.getDictionaryObject(COSName.COLORSPACE);
        return dct && (COSName.DEVICERGB.equals(space) || COSName.DEVICEGRAY.equals(space))
                && image.getInt(COSName.BITS_PER_COMPONENT) == 8
                && !image.getBoolean(COSName.IMAGE_MASK, false)
                && !image.containsKey(COSName.SMASK) && !image.containsKey(COSName.MASK)
                && !image.containsKey(COSName.DECODE) && !image.containsKey(COSName.OC)
                && !image.containsKey(COSName.DECODE_PARMS);
    }

    /** a × b / 255, rounded, as Java2D's mul8 table. */
    private static int mul8(int a, int b) {
        int t = a * b + 128;
        return (t + (t >> 8)) >> 8;
    }
}
