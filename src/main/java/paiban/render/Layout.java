package paiban.render;

import org.w3c.dom.Document;
import paiban.compose.Grid;
import paiban.compose.Styles;
import paiban.typeset.FontBook;

import java.nio.file.Path;

/**
 * A layout from {@code layouts/<name>/}: its page template, and the grid and text styles read from
 * its CSS. Loaded once per process and shared by every build that uses it.
 *
 * @param pageWidth  in points
 * @param pageHeight in points
 * @param areaLeft   the type area's left edge on the page, in points
 * @param areaTop    the type area's top edge on the page, in points
 * @param print      what the layout asks of the press, from its layout.yaml
 */
public record Layout(String name, Path folder, Document template, FontBook fonts, Grid grid, Styles styles,
                     float pageWidth, float pageHeight, float areaLeft, float areaTop, PrintSettings print) {
}
