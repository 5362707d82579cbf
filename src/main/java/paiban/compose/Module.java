package paiban.compose;

import java.util.List;

/**
 * An article block (版块/模块) on the grid: a rectangle of whole columns and whole grid lines holding
 * a headline, photos with captions, and body columns.
 *
 * @param slug   the article, or "" for page furniture such as the 导读 box
 * @param kind   story, continuation (上接 part), brief or index
 * @param column first column (0-based); {@code line} first grid line
 */
public record Module(String slug, String title, String kind, int column, int span, int line, int lines,
                     List<PlacedLine> text, List<PlacedPhoto> photos) {

    public Module {
        text = List.copyOf(text);
        photos = List.copyOf(photos);
    }

    public int bottom() {
        return line + lines;
    }
}
