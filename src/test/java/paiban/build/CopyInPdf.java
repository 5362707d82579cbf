package paiban.build;

import paiban.model.Article;
import paiban.model.Block;
import paiban.model.Photo;

import java.util.ArrayList;
import java.util.List;

/** Checks that every piece of an issue's copy can be found in text extracted from its PDF. */
final class CopyInPdf {

    private CopyInPdf() {
    }

    /** The pieces of copy a reader must find: headline group, dateline, paragraphs, captions, credits, source. */
    static List<String> pieces(Article a) {
        List<String> out = new ArrayList<>();
        out.add(a.title());
        if (!a.kicker().isEmpty()) out.add(a.kicker());
        if (!a.subtitle().isEmpty()) out.add(a.subtitle());
        if (!a.dateline().isEmpty()) out.add(a.dateline());
        for (Block b : a.body()) {
            out.add(b instanceof Block.Paragraph p ? p.text() : ((Block.Subhead) b).text());
        }
        for (Photo p : a.photos()) {
            if (!p.caption().isEmpty()) out.add(p.caption());
            if (!p.credit().isEmpty()) out.add(p.credit());
        }
        if (!a.source().isEmpty()) out.add(a.source());
        return out;
    }

    static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }

    /**
     * The piece is in the text, whole or in at most {@code parts} pieces (a paragraph cut by a jump
     * to a later page is printed in two parts, with the jump lines between them).
     *
     * @return an empty string when found, else what could not be found
     */
    static String missing(String piece, String text, int parts) {
        String p = squash(piece);
        String t = squash(text);
        int from = 0;
        for (int n = 0; n < parts && !p.isEmpty(); n++) {
            int len = longestPrefixIn(p, t);
            if (len == 0) return p;
            if (len == p.length()) return "";
            // a cut falls only between characters; the rest must follow on its own
            p = p.substring(len);
            from += len;
        }
        return p.isEmpty() ? "" : p;
    }

    private static int longestPrefixIn(String p, String t) {
        int lo = 0;
        int hi = p.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (t.contains(p.substring(0, mid))) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }
}
