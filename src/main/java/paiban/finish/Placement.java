package paiban.finish;

import paiban.model.Photo;
import paiban.render.RenderedIssue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A photo's placement as its pixels see it: the pixel size as stored in the file and the frame's sides
 * along those pixels (a photo stored sideways, EXIF orientation 5 to 8, has its frame's width along its
 * stored height). The rendered page turns the stored pixels into the frame, and the print and screen forms
 * keep the stored orientation, so their sizes are worked out here in stored terms.
 *
 * @param page   the 1-based page of the placement, for messages
 * @param name   the photo as the copy names it, for messages
 * @param turned whether the stored pixels lie across the photo as it stands
 */
record Placement(int page, String name, int pixelWidth, int pixelHeight, double widthPt, double heightPt,
                 boolean turned) {

    /** Effective resolution: pixels per inch at the placed size, the poorer of the two directions. */
    double dpi() {
        return dpi(pixelWidth, pixelHeight);
    }

    /** The effective resolution of {@code w × h} stored pixels (a decoded or reduced form) in this frame. */
    double dpi(int w, int h) {
        return Math.min(w / (widthPt / 72), h / (heightPt / 72));
    }

    /** The placed size in millimetres, as the photo stands, e.g. "60 × 45 mm". */
    String size() {
        return Math.round(standingWidthPt() / 72 * 25.4) + " × " + Math.round(standingHeightPt() / 72 * 25.4) + " mm";
    }

    /** The pixel size as the photo stands, e.g. "1600 × 1200 px". */
    String pixels() {
        return (turned ? pixelHeight + " × " + pixelWidth : pixelWidth + " × " + pixelHeight) + " px";
    }

    double standingWidthPt() {
        return turned ? heightPt : widthPt;
    }

    double standingHeightPt() {
        return turned ? widthPt : heightPt;
    }

    static Placement of(RenderedIssue.PhotoPlacement p) {
        Photo photo = p.photo();
        double w = photo.turned() ? p.height() : p.width();
        double h = photo.turned() ? p.width() : p.height();
        return new Placement(p.page(), photo.name(), photo.storedWidth(), photo.storedHeight(), w, h, photo.turned());
    }

    /**
     * Each photo's placement that needs the most pixels (the lowest effective resolution; the first of
     * equals), by {@link Photo#id}: a photo placed twice is prepared once, for that one.
     */
    static Map<String, Placement> largest(List<RenderedIssue.PhotoPlacement> placements) {
        Map<String, Placement> out = new LinkedHashMap<>();
        for (RenderedIssue.PhotoPlacement p : placements) {
            out.merge(p.id(), of(p), (old, now) -> now.dpi() < old.dpi() ? now : old);
        }
        return out;
    }
}
