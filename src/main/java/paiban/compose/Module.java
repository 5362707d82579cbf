package paiban.compose;

import java.util.List;

/**
 * A block (版块/模块) on the grid: a rectangle of whole columns and whole grid lines holding a headline,
 * photos with captions, and body columns; or a piece of page furniture (the 导读 box, a pull quote, a filler).
 *
 * @param slug   the article it belongs to; "" for the 导读 box and fillers, which belong to none
 * @param title  the article's title, or the furniture's name
 * @param kind   what the module is; only {@link ModuleKind#article()} kinds carry an article's copy
 * @param column first column (0-based); {@code line} first grid line
 * @param box    the box (边框/底纹) the module is set in, if any
 */
public record Module(String slug, String title, ModuleKind kind, int column, int span, int line, int lines,
                     List<PlacedLine> text, List<PlacedPhoto> photos, java.util.Optional<PlacedBox> box) {

    public Module {
        text = List.copyOf(text);
        photos = List.copyOf(photos);
    }

    /** A module without a box. */
    public Module(String slug, String title, ModuleKind kind, int column, int span, int line, int lines,
                  List<PlacedLine> text, List<PlacedPhoto> photos) {
        this(slug, title, kind, column, span, line, lines, text, photos, java.util.Optional.empty());
    }

    public int bottom() {
        return line + lines;
    }

    /**
     * A 中缝: an ad in the inner margin by the fold, off the grid. {@link AdPlan} gives such a module no
     * columns of the grid (its span is 0) and its image the strip's frame; a module on the grid always spans one.
     */
    public boolean foldStrip() {
        return kind == ModuleKind.AD && span == 0;
    }
}
