package paiban.compose;

import paiban.model.Article;
import paiban.model.HeadlineShape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the editor asked of a story's shape and did not get: a vertical headline (竖排标题) set across the
 * module after all, or a pull quote (引语) that no page carries. Either would otherwise go unnoticed, since
 * the page still comes out whole; the build names the article and says why, so the editor can shorten a
 * title, plan the story wider, or drop the request.
 */
final class ShapeNotes {

    /** A story's first part as placed, and the builder that set it: a run may be set with its headlines grown. */
    private record Built(Slot slot, ModuleBuilder builder) {
    }

    /** Each story's first part as placed, by slug, in page order. */
    private final Map<String, Built> firstParts = new LinkedHashMap<>();

    /** Records a story's module as {@code builder} built it. */
    void built(Slot s, ModuleBuilder builder) {
        Piece p = s.piece();
        if (!p.furniture() && !p.continuation()) firstParts.putIfAbsent(p.slug(), new Built(s, builder));
    }

    /** The warnings for the pages once every module is built. */
    List<String> notes(List<Page> pages) {
        List<String> out = new ArrayList<>();
        for (Built b : firstParts.values()) {
            Slot s = b.slot();
            ModuleBuilder builder = b.builder();
            Article a = s.piece().story().article();
            String who = "articles/" + a.file().getFileName() + " (article '" + a.slug() + "'): ";
            if (a.headline() == HeadlineShape.VERTICAL && !builder.vertical(s.piece(), s.span(), s.rank())) {
                out.add(who + "its vertical headline (headline: vertical) is set across the module instead, because "
                        + verticalWhy(s, builder));
            }
            if (!a.quote().isEmpty() && !quoted(pages, a.slug())) {
                out.add(who + "its pull quote (quote:) is not set, because " + quoteWhy(s));
            }
        }
        return out;
    }

    private static String verticalWhy(Slot s, ModuleBuilder builder) {
        if (ModuleBuilder.kind(s.piece(), s.rank()) != ModuleKind.STORY) {
            return "the story is set as a brief, whose head is always one line across";
        }
        int head = builder.headColumns(s.piece(), s.span(), s.rank());
        return "its module is " + s.span() + (s.span() == 1 ? " column" : " columns") + " wide and the headline's columns take "
                + head + ", which leaves no column of body text beside them; give the story more copy or a shorter title";
    }

    private static String quoteWhy(Slot s) {
        if (s.piece().brief()) {
            return "the story is set as a brief, too short for a quote beside its text, and no page was short enough of copy to take it on its own";
        }
        return "its module is " + s.span() + (s.span() == 1 ? " column" : " columns")
                + " wide, which leaves no leg of body text of " + ModuleBuilder.MIN_LEG
                + " lines beside the quote, and no page that carries it was short enough of copy to take it on its own";
    }

    /** Whether some page sets a line of the article's pull quote, in its module or on its own. */
    private static boolean quoted(List<Page> pages, String slug) {
        for (Page p : pages) {
            for (Module m : p.modules()) {
                if (!m.slug().equals(slug)) continue;
                for (PlacedLine l : m.text()) if (l.kind() == LineKind.QUOTE) return true;
            }
        }
        return false;
    }
}
