package paiban.copy;

import paiban.core.Unicode;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.parser.beta.InlineContentParser;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.ParsedInline;
import org.commonmark.parser.beta.Scanner;
import paiban.core.PaibanException;
import paiban.model.Block;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns an article's Markdown body into paragraphs and subheads.
 * Only "## " subheads and **bold** carry meaning; everything else is copy and prints as the characters
 * it is: raw HTML, link targets and list markers are kept as text, never interpreted and never dropped.
 *
 * <p>Inline HTML is not parsed at all: '<' is a plain character, so {@code <b>} and {@code <https://...>}
 * print as typed. Parsing it only to print it back gained nothing, and commonmark's inline HTML scanner
 * is quadratic: 40,000 '<' in one paragraph took a second, a 2 MB article would take most of an hour.
 * Block-level HTML (a line starting with {@code <div>} or {@code <script>}) is still recognised, and its
 * lines are printed as they are.
 *
 * <p>HTML entities are copy too: {@code &amp;} prints as those five characters, not as "&". Raw HTML
 * already prints literally, so decoding entities would be a second, hidden markup language inside the
 * copy. An article explaining web pages ("在网页中写 {@code &amp;} 表示 &") would lose its point, and
 * {@code &#x202E;} could smuggle in an invisible character the editor never sees in the file. An entity
 * left by a careless web paste shows up literally in the proof, where the editor sees it and fixes it,
 * instead of being guessed at in silence. Backslash escapes still work: they are how a writer prints a
 * literal "**".
 */
final class MarkdownBody {

    /** Quotes in lists in quotes: 8 levels is beyond any real article and far below a stack overflow. */
    static final int MAX_NESTING = 8;

    private static final Parser PARSER = Parser.builder()
            .customInlineContentParserFactory(new Literal('&'))
            .customInlineContentParserFactory(new Literal('<'))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();

    private final String file;
    private final int firstLine;
    private int line;

    private MarkdownBody(String file, int firstLine) {
        this.file = file;
        this.firstLine = firstLine;
        this.line = firstLine;
    }

    /**
     * @param file      "articles/x.md", for messages
     * @param firstLine the file's line on which the body starts, for messages
     */
    static List<Block> parse(String markdown, String file, int firstLine) {
        MarkdownBody body = new MarkdownBody(file, firstLine);
        List<Block> blocks = new ArrayList<>();
        try {
            Node doc = PARSER.parse(markdown);
            for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
                body.addBlock(n, blocks, "", 0);
            }
        } catch (StackOverflowError e) {
            // commonmark merges text nodes recursively, one level per nested '*' or '_': 20,000 asterisks
            // overflow it. The parser keeps no state between calls, so giving up on this one article is safe.
            throw new PaibanException(file + ":" + body.busiestLine(markdown) + ": the body nests '*' or '_' "
                    + "emphasis too deeply to read; remove the long runs of '*' and '_' there");
        }
        return blocks;
    }

    /** The line with the most emphasis marks, the likely culprit of a runaway nesting. */
    private int busiestLine(String markdown) {
        List<String> lines = markdown.lines().toList();
        int best = 0;
        long most = -1;
        for (int i = 0; i < lines.size(); i++) {
            long marks = lines.get(i).chars().filter(c -> c == '*' || c == '_').count();
            if (marks > most) {
                most = marks;
                best = i;
            }
        }
        return firstLine + best;
    }

    private void addBlock(Node n, List<Block> out, String prefix, int depth) {
        if (!n.getSourceSpans().isEmpty()) {
            line = firstLine + n.getSourceSpans().getFirst().getLineIndex();
        }
        if (depth > MAX_NESTING) {
            throw new PaibanException(file + ":" + line + ": quotes and lists are nested more than " + MAX_NESTING
                    + " levels deep here; a newspaper article needs no more than two, so remove the extra '>' "
                    + "or '-' marks or the indentation");
        }
        if (n instanceof Heading h) {
            String text = Punctuation.fullWidth(plain(h)).strip();
            if (!text.isEmpty()) out.add(new Block.Subhead(text));
        } else if (n instanceof Paragraph p) {
            addParagraph(runs(p, prefix), out);
        } else if (n instanceof HtmlBlock html) {
            for (String para : html.getLiteral().strip().split("\\n\\s*\\n")) {
                addParagraph(List.of(new Block.Run(join(para.strip().lines().toList()), false)), out);
            }
        } else if (n instanceof FencedCodeBlock code) {
            addParagraph(List.of(new Block.Run(join(code.getLiteral().lines().toList()), false)), out);
        } else if (n instanceof IndentedCodeBlock code) {
            addParagraph(List.of(new Block.Run(join(code.getLiteral().lines().toList()), false)), out);
        } else if (n instanceof ThematicBreak) {
            // a scene break carries no text
        } else if (n instanceof BlockQuote || n instanceof org.commonmark.node.ListBlock) {
            int number = n instanceof org.commonmark.node.OrderedList ol && ol.getMarkerStartNumber() != null
                    ? ol.getMarkerStartNumber() : 1;
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof ListItem item) {
                    String marker = n instanceof org.commonmark.node.OrderedList ? (number++) + ". " : "· ";
                    boolean first = true;
                    for (Node ic = item.getFirstChild(); ic != null; ic = ic.getNext()) {
                        addBlock(ic, out, first ? marker : "", depth + 1);
                        first = false;
                    }
                } else {
                    addBlock(c, out, "", depth + 1);
                }
            }
        } else {
            addParagraph(List.of(new Block.Run(plain(n), false)), out);
        }
    }

    private static void addParagraph(List<Block.Run> runs, List<Block> out) {
        // neighbouring runs of one weight become one; a StringBuilder keeps 40,000 links linear
        List<Block.Run> merged = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        boolean bold = false;
        for (Block.Run r : runs) {
            if (r.text().isEmpty()) continue;
            if (!text.isEmpty() && r.bold() != bold) {
                merged.add(new Block.Run(text.toString(), bold));
                text.setLength(0);
            }
            bold = r.bold();
            text.append(r.text());
        }
        if (!text.isEmpty()) merged.add(new Block.Run(text.toString(), bold));
        if (merged.isEmpty()) return;
        // strip the paragraph's outer white space, which Markdown considers insignificant
        Block.Run first = merged.getFirst();
        merged.set(0, new Block.Run(first.text().stripLeading(), first.bold()));
        Block.Run last = merged.getLast();
        merged.set(merged.size() - 1, new Block.Run(last.text().stripTrailing(), last.bold()));
        merged.removeIf(r -> r.text().isEmpty());
        if (!merged.isEmpty()) out.add(new Block.Paragraph(merged));
    }

    private List<Block.Run> runs(Node paragraph, String prefix) {
        List<Block.Run> runs = new ArrayList<>();
        if (!prefix.isEmpty()) runs.add(new Block.Run(prefix, false));
        collect(paragraph, false, runs, 0);
        // punctuation is decided on the whole paragraph, so that the ',' after "**粗体**" sees the Han before it;
        // fullWidth maps each char to one char, so the runs are cut back at the same places
        StringBuilder all = new StringBuilder();
        runs.forEach(r -> all.append(r.text()));
        String wide = Punctuation.fullWidth(all.toString());
        List<Block.Run> out = new ArrayList<>();
        int at = 0;
        for (Block.Run r : runs) {
            out.add(new Block.Run(wide.substring(at, at + r.text().length()), r.bold()));
            at += r.text().length();
        }
        return out;
    }

    private void collect(Node parent, boolean bold, List<Block.Run> runs, int depth) {
        if (depth > MAX_NESTING * 4) {
            throw new PaibanException(file + ":" + line + ": emphasis and links are nested more than "
                    + MAX_NESTING * 4 + " levels deep here; remove the extra '*', '_' or brackets");
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text t) {
                runs.add(new Block.Run(t.getLiteral(), bold));
            } else if (n instanceof Code c) {
                runs.add(new Block.Run(c.getLiteral(), bold));
            } else if (n instanceof HtmlInline h) {
                runs.add(new Block.Run(h.getLiteral(), bold));
            } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                runs.add(new Block.Run("\n", bold));
            } else if (n instanceof StrongEmphasis) {
                collect(n, true, runs, depth + 1);
            } else if (n instanceof Emphasis) {
                // *italic* has no CJK face to go to: its text stays in the surrounding weight
                collect(n, bold, runs, depth + 1);
            } else if (n instanceof Link link) {
                List<Block.Run> inner = new ArrayList<>();
                collect(n, bold, inner, depth + 1);
                runs.addAll(inner);
                // a link whose text is its target, [https://a.cn](https://a.cn), shows it once
                String text = inner.stream().map(Block.Run::text).collect(java.util.stream.Collectors.joining());
                String target = link.getDestination();
                if (!target.equals(text)) {
                    runs.add(new Block.Run("（" + target + "）", bold));
                }
            } else if (n instanceof Image img) {
                // there are no inline pictures in print: the alt text and the file name stay as copy
                collect(n, bold, runs, depth + 1);
                runs.add(new Block.Run("（" + img.getDestination() + "）", bold));
            } else {
                collect(n, bold, runs, depth + 1);
            }
        }
        // once, at the top: joining at every level rescanned the paragraph per span (40,000 spans took 12 s)
        if (depth == 0) joinLineBreaks(runs);
    }

    /** A line break inside a paragraph joins without a space, except between two Latin words. */
    private static void joinLineBreaks(List<Block.Run> runs) {
        for (int i = 0; i < runs.size(); i++) {
            if (!runs.get(i).text().equals("\n")) continue;
            char before = lastChar(runs, i - 1);
            char after = firstChar(runs, i + 1);
            String glue = Unicode.spaceBetween(before, after) ? " " : "";
            runs.set(i, new Block.Run(glue, runs.get(i).bold()));
        }
    }

    private static char lastChar(List<Block.Run> runs, int i) {
        for (; i >= 0; i--) {
            String t = runs.get(i).text();
            if (!t.isEmpty() && !t.equals("\n")) return t.charAt(t.length() - 1);
        }
        return ' ';
    }

    private static char firstChar(List<Block.Run> runs, int i) {
        for (; i < runs.size(); i++) {
            String t = runs.get(i).text();
            if (!t.isEmpty() && !t.equals("\n")) return t.charAt(0);
        }
        return ' ';
    }

    private static String join(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            String s = l.strip();
            if (s.isEmpty()) continue;
            if (!sb.isEmpty() && Unicode.spaceBetween(sb.charAt(sb.length() - 1), s.charAt(0))) sb.append(' ');
            sb.append(s);
        }
        return sb.toString();
    }

    private String plain(Node n) {
        List<Block.Run> runs = new ArrayList<>();
        collect(n, false, runs, 0);
        StringBuilder sb = new StringBuilder();
        runs.forEach(r -> sb.append(r.text()));
        return sb.toString();
    }

    /**
     * Takes a character as plain text: '&' so that {@code &amp;} stays five characters of copy, '<' so that
     * inline HTML and autolinks stay as typed (see the class comment). Commonmark tries custom inline
     * parsers before its own entity, HTML and autolink parsers.
     */
    private record Literal(char c) implements InlineContentParserFactory {
        @Override
        public Set<Character> getTriggerCharacters() {
            return Set.of(c);
        }

        @Override
        public InlineContentParser create() {
            return state -> {
                Scanner scanner = state.scanner();
                scanner.next();
                return ParsedInline.of(new Text(String.valueOf(c)), scanner.position());
            };
        }
    }
}
