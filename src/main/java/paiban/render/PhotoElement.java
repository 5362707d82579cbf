package paiban.render;

import org.openpdf.text.Image;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfName;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.RenderingContext;

import java.util.Map;
import java.util.Optional;

/**
 * A photo in its frame, standing as its EXIF orientation says: the file is embedded as it is stored (a
 * JPEG byte for byte, no pixel lost to turning it) and the image matrix turns or mirrors it into the frame.
 * Every reader of the PDF (viewers, RIPs, the finish stage's editions and previews) then sees it upright.
 * The image's resource name is recorded with the photo's id, so that the finish stage knows the image.
 */
final class PhotoElement extends PaintedElement {

    private final Image image;
    private final String id;
    private final Map<String, String> names;
    private final int orientation;

    /** @param names receives the image's resource name → {@code id} when it is painted */
    PhotoElement(Image image, String id, Map<String, String> names, int orientation, int widthDots, int heightDots) {
        super(widthDots, heightDots);
        this.image = image;
        this.id = id;
        this.names = names;
        this.orientation = orientation;
    }

    @Override
    public void paint(RenderingContext c, ITextOutputDevice device, BlockBox box) {
        Optional<Frame> frame = frame(c, device, box);
        if (frame.isEmpty()) return;
        float left = frame.get().left(), top = frame.get().top(), w = frame.get().width(), h = frame.get().height();
        float[] m = matrix(orientation, left, top, w, h);
        PdfContentByte cb = device.getCurrentPage();
        try {
            // the name the writer gives the image, once for the file, is the one every page's resources use
            PdfName name = device.getWriter().addDirectImageSimple(image);
            names.put(PdfName.decodeName(name.toString()), id);
            cb.addImage(image, m[0], m[1], m[2], m[3], m[4], m[5]);
        } catch (org.openpdf.text.DocumentException e) {
            throw new IllegalStateException("cannot place a photo: " + e.getMessage(), e);
        }
    }

    /**
     * The PDF image matrix {a b c d e f} that puts an image stored with EXIF {@code orientation} upright
     * into the frame whose top-left corner is ({@code left}, {@code top}) in PDF space (y up) and whose
     * size, as the photo stands, is {@code w} × {@code h}.
     *
     * <p>Orientation o maps a stored point (sx, sy), both 0..1 from the stored top-left, to the standing
     * point (dx, dy) = (a1·sx + b1·sy + c1, a2·sx + b2·sy + c2); the image's unit square has u = sx and
     * v = 1 − sy, and the page has X = left + w·dx, Y = top − h·dy.
     */
    static float[] matrix(int orientation, float left, float top, float w, float h) {
        int[] k = switch (orientation) {
            case 2 -> new int[]{-1, 0, 1, 0, 1, 0};   // mirrored left to right
            case 3 -> new int[]{-1, 0, 1, 0, -1, 1};  // upside down
            case 4 -> new int[]{1, 0, 0, 0, -1, 1};   // mirrored top to bottom
            case 5 -> new int[]{0, 1, 0, 1, 0, 0};    // transposed
            case 6 -> new int[]{0, -1, 1, 1, 0, 0};   // stored a quarter turn anticlockwise: turn it clockwise
            case 7 -> new int[]{0, -1, 1, -1, 0, 1};  // transversed
            case 8 -> new int[]{0, 1, 0, -1, 0, 1};   // stored a quarter turn clockwise: turn it back
            default -> new int[]{1, 0, 0, 0, 1, 0};
        };
        int a1 = k[0], b1 = k[1], c1 = k[2], a2 = k[3], b2 = k[4], c2 = k[5];
        return new float[]{w * a1, -h * a2, -w * b1, h * b2, left + w * (b1 + c1), top - h * (b2 + c2)};
    }
}
