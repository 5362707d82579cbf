package paiban.render;

import org.w3c.dom.Document;
import paiban.compose.Grid;
import paiban.compose.LayoutRules;
import paiban.compose.Styles;
import paiban.typeset.FontBook;

import paiban.model.Filler;

import java.nio.file.Path;
import java.util.List;

/**
 * A layout from {@code layouts/<name>/}: its page template, and the grid and text styles read from
 * its CSS, and the composition rules of its layout.yaml. Loaded once per process and shared by every build that uses it.
 *
 * @param pageWidth  in points
 * @param pageHeight in points
 * @param areaLeft   the type area's left edge on the page, in points
 * @param areaTop    the type area's top edge on the page, in points
 * @param fillers    the layout's own fillers (补白), from its fillers/ folder
 * @param print      what the layout asks of the press, from its layout.yaml
 */
public record Layout(String name, Path folder, Document template, FontBook fonts, Grid grid, Styles styles,
                     LayoutRules rules,
                     float pageWidth, float pageHeight, float areaLeft, float areaTop,
                     List<Filler> fillers, PrintSettings print) {
}
