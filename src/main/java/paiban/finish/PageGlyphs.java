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

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which glyphs each page of the master shows, counted while the master's fonts were cut
 * ({@link FontCompaction#compactCounting}): for each page, a descendant CIDFont's BaseFont name → the CIDs
 * the page's content shows with it, in the order the page first shows them. The page files ({@link PagePdfs})
 * are cut to these, so that no page's content is run a second time to count them.
 *
 * <p>By name, not by object key: the page files are cut from the screen copy, which is the master saved
 * again with other photos, and its objects need not keep their numbers. A name stands for one font of the
 * master ({@link #of} gives null where two share one), and is looked up in the copy once per copy
 * ({@link #keyed}), which gives null, so that the pages are run after all, for any font it cannot find.
 *
 * @param pages the glyphs of each page, page by page; the CID sets are only read
 */
record PageGlyphs(List<Map<String, TreeSet<Integer>>> pages) {

    /**
     * The counts of {@link FontCompaction#compactCounting} by the fonts' names as they stand now (after
     * {@link SubsetTags#normalise}); null when a font has no name or two fonts share one.
     */
    static PageGlyphs of(List<Map<COSDictionary, TreeSet<Integer>>> byPage) {
        Map<String, COSDictionary> named = new HashMap<>();
        List<Map<String, TreeSet<Integer>>> pages = new ArrayList<>();
        for (Map<COSDictionary, TreeSet<Integer>> page : byPage) {
            Map<String, TreeSet<Integer>> out = new LinkedHashMap<>();
            for (var e : page.entrySet()) {
                String name = e.getKey().getNameAsString(COSName.BASE_FONT);
                if (name == null || named.computeIfAbsent(name, n -> e.getKey()) != e.getKey()) return null;
                out.put(name, e.getValue());
            }
            pages.add(Collections.unmodifiableMap(out));
        }
        return new PageGlyphs(List.copyOf(pages));
    }

    /**
     * The counts for {@code copy}, a copy of the master with the same pages and fonts: each font by its
     * object key there, as {@link FontCompaction#shownByPage} would give them and {@link
     * FontCompaction#compactTo} takes them. Null when the copy has another number of pages, or a font of
     * the counts is not found by its name among the fonts of the pages' resources and their forms, or is
     * found twice, or is not an object of its own.
     */
    List<Map<COSObjectKey, TreeSet<Integer>>> keyed(PDDocument copy) {
        if (copy.getNumberOfPages() != pages.size()) return null;
        Map<String, COSObjectKey> keys = new HashMap<>();
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (PDPage page : copy.getPages()) {
            PDResources resources = page.getResources();
            if (resources != null && !collect(resources.getCOSObject(), keys, seen)) return null;
        }
        List<Map<COSObjectKey, TreeSet<Integer>>> out = new ArrayList<>();
        for (Map<String, TreeSet<Integer>> page : pages) {
            Map<COSObjectKey, TreeSet<Integer>> keyed = new LinkedHashMap<>();
            for (var e : page.entrySet()) {
                COSObjectKey key = keys.get(e.getKey());
                if (key == null) return null;
                keyed.put(key, e.getValue());
            }
            out.add(keyed);
        }
        return out;
    }

    /**
     * Adds each composite font's descendant of {@code resources}, and of its forms', by BaseFont name; false
     * when a name is missing, is not an object of its own, or names two different objects.
     */
    private static boolean collect(COSDictionary resources, Map<String, COSObjectKey> keys, Set<COSBase> seen) {
        if (!seen.add(resources)) return true;
        if (resources.getDictionaryObject(COSName.FONT) instanceof COSDictionary fonts) {
            for (COSName n : fonts.keySet()) {
                if (fonts.getDictionaryObject(n) instanceof COSDictionary font
                        && font.getDictionaryObject(COSName.DESCENDANT_FONTS) instanceof COSArray descendants
                        && descendants.size() > 0 && descendants.getObject(0) instanceof COSDictionary descendant) {
                    String name = descendant.getNameAsString(COSName.BASE_FONT);
                    COSObjectKey key = descendant.getKey();
                    if (name == null || key == null) return false;
                    COSObjectKey before = keys.putIfAbsent(name, key);
                    if (before != null && !before.equals(key)) return false;
                }
            }
        }
        if (resources.getDictionaryObject(COSName.XOBJECT) instanceof COSDictionary objects) {
            for (COSName n : objects.keySet()) {
                if (objects.getDictionaryObject(n) instanceof COSStream form
                        && COSName.FORM.equals(form.getCOSName(COSName.SUBTYPE))
                        && form.getDictionaryObject(COSName.RESOURCES) instanceof COSDictionary inner
                        && !collect(inner, keys, seen)) {
                    return false;
                }
            }
        }
        return true;
    }
}
