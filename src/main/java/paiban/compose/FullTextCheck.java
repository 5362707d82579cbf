package paiban.compose;

import paiban.core.PaibanException;
import paiban.core.Unicode;
import paiban.model.Article;
import paiban.model.Block;
import paiban.model.Issue;
import paiban.model.Photo;

import java.util.ArrayList;
import java.util.List;

/**
 * Nothing lost, ever: after composition every build compares the lines it set with the copy, article by
 * article: the headline group (kicker, title, subtitle) of its first part, the dateline, every body
 * character and subhead over all its parts in reading order, the source line, every caption and credit.
 * Whitespace is not compared (a line break may take a space between Latin words). Anything missing stops
 * the build, naming the article and the text.
 */
public final class FullTextCheck {

    private FullTextCheck() {
    }

    public static void verify(Issue issue, List<Page> pages) {
        for (Article a : issue.articles()) {
            List<Module> parts = new ArrayList<>();
            for (Page p : pages) {
                for (Module m : p.modules()) if (m.kind().article() && m.slug().equals(a.slug())) parts.add(m);
            }
            String where = "articles/" + a.file().getFileName() + " (article '" + a.slug() + "')";
            if (parts.isEmpty()) {
                throw lost(where, "is on no page", a.title());
            }
            Module first = parts.getFirst();
            compare(where, "kicker", a.kicker(), lines(List.of(first), LineKind.KICKER, -1));
            compare(where, "title", a.title(), lines(List.of(first), LineKind.TITLE, -1));
            compare(where, "subtitle", a.subtitle(), lines(List.of(first), LineKind.SUBTITLE, -1));
            compare(where, "body", expectedBody(a), body(parts));
            for (int i = 0; i < a.photos().size(); i++) {
                Photo ph = a.photos().get(i);
                compare(where, "caption of " + ph.name(), ph.caption(), lines(parts, LineKind.CAPTION, i + 1));
                compare(where, "credit of " + ph.name(), ph.credit(), lines(parts, LineKind.CREDIT, i + 1));
            }
        }
    }

    /** The copy as the reader must find it: dateline, paragraphs and subheads, the source line in parentheses. */
    static String expectedBody(Article a) {
        StringBuilder sb = new StringBuilder(a.dateline());
        for (Block b : a.body()) {
            if (b instanceof Block.Paragraph p) sb.append(p.text());
            if (b instanceof Block.Subhead h) sb.append(h.text());
        }
        String s = a.source();
        if (!s.isEmpty()) sb.append(s.startsWith("（") ? s : "（" + s + "）");
        return sb.toString();
    }

    private static String body(List<Module> parts) {
        StringBuilder sb = new StringBuilder();
        for (Module m : parts) {
            for (PlacedLine l : m.text()) {
                if (l.kind() == LineKind.BODY || l.kind() == LineKind.SUBHEAD) sb.append(l.line().text());
            }
        }
        return sb.toString();
    }

    /** The text of the modules' lines of one kind (and part, unless -1), in placing order. */
    private static String lines(List<Module> modules, LineKind kind, int part) {
        StringBuilder sb = new StringBuilder();
        for (Module m : modules) {
            for (PlacedLine l : m.text()) if (l.kind() == kind && (part < 0 || l.part() == part)) sb.append(l.line().text());
        }
        return sb.toString();
    }

    private static void compare(String where, String what, String expected, String printed) {
        String e = Unicode.withoutSpaces(expected);
        String p = Unicode.withoutSpaces(printed);
        if (e.equals(p)) return;
        int i = 0;
        while (i < Math.min(e.length(), p.length()) && e.charAt(i) == p.charAt(i)) i++;
        if (i >= e.length()) {
            throw new PaibanException(where + ": composition set more " + what + " than the copy has: '"
                    + clip(p.substring(i)) + "'; this is paiban's fault: please report it with the article");
        }
        String before = i == 0 ? "" : " after '" + clip(e.substring(Math.max(0, i - 12), i)) + "'";
        throw lost(where, "'s " + what + " lacks '" + clip(e.substring(i)) + "'" + before, null);
    }

    private static PaibanException lost(String where, String what, String title) {
        return new PaibanException(where + (title == null ? "" : " '" + title + "'") + (what.startsWith("'") ? "" : " ")
                + what + ": composition would lose copy, so the build stops; this is paiban's fault: please report it"
                + " with the article");
    }

    private static String clip(String s) {
        int n = s.codePointCount(0, s.length());
        return n <= 24 ? s : s.substring(0, s.offsetByCodePoints(0, 24)) + "…";
    }

}
