package paiban.copy;

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
import org.commonmark.parser.Parser;
import paiban.model.Block;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns an article's Markdown body into paragraphs and subheads.
 * Only "## " subheads and **bold** carry meaning; everything else is copy and prints as the characters
 * it is: raw HTML, link targets and list markers are kept as text, never interpreted and never dropped.
 */
final class MarkdownBody {

    private static final Parser PARSER = Parser.builder().build();

    private MarkdownBody() {
    }

    static List<Block> parse(String markdown) {
        Node doc = PARSER.parse(markdown);
        List<Block> blocks = new ArrayList<>();
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            addBlock(n, blocks, "");
        }
        return blocks;
    }

    private static void addBlock(Node n, List<Block> out, String prefix) {
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
                        addBlock(ic, out, first ? marker : "");
                        first = false;
                    }
                } else {
                    addBlock(c, out, "");
                }
            }
        } else {
            addParagraph(List.of(new Block.Run(plain(n), false)), out);
        }
    }

    private static void addParagraph(List<Block.Run> runs, List<Block> out) {
        List<Block.Run> merged = new ArrayList<>();
        for (Block.Run r : runs) {
            if (r.text().isEmpty()) continue;
            if (!merged.isEmpty() && merged.getLast().bold() == r.bold()) {
                Block.Run last = merged.removeLast();
                merged.add(new Block.Run(last.text() + r.text(), r.bold()));
            } else {
                merged.add(r);
            }
        }
        if (merged.isEmpty()) return;
        // strip the paragraph's outer white space, which Markdown considers insignificant
        Block.Run first = merged.getFirst();
        merged.set(0, new Block.Run(first.text().stripLeading(), first.bold()));
        Block.Run last = merged.getLast();
        merged.set(merged.size() - 1, new Block.Run(last.text().stripTrailing(), last.bold()));
        merged.removeIf(r -> r.text().isEmpty());
        if (!merged.isEmpty()) out.add(new Block.Paragraph(merged));
    }

    private static List<Block.Run> runs(Node paragraph, String prefix) {
        List<Block.Run> runs = new ArrayList<>();
        if (!prefix.isEmpty()) runs.add(new Block.Run(prefix, false));
        collect(paragraph, false, runs);
        List<Block.Run> out = new ArrayList<>();
        for (Block.Run r : runs) out.add(new Block.Run(Punctuation.fullWidth(r.text()), r.bold()));
        return out;
    }

    private static void collect(Node parent, boolean bold, List<Block.Run> runs) {
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
                collect(n, true, runs);
            } else if (n instanceof Emphasis) {
                collect(n, bold, runs);
            } else if (n instanceof Link link) {
                collect(n, bold, runs);
                runs.add(new Block.Run("（" + link.getDestination() + "）", bold));
            } else if (n instanceof Image img) {
                collect(n, bold, runs);
            } else {
                collect(n, bold, runs);
            }
        }
        joinLineBreaks(runs);
    }

    /** A line break inside a paragraph joins without a space, except between two Latin words. */
    private static void joinLineBreaks(List<Block.Run> runs) {
        for (int i = 0; i < runs.size(); i++) {
            if (!runs.get(i).text().equals("\n")) continue;
            char before = lastChar(runs, i - 1);
            char after = firstChar(runs, i + 1);
            String glue = isLatin(before) && isLatin(after) ? " " : "";
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

    private static boolean isLatin(char c) {
        return c < 0x2E80 && Character.isLetterOrDigit(c);
    }

    private static String join(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            String s = l.strip();
            if (s.isEmpty()) continue;
            if (!sb.isEmpty() && isLatin(sb.charAt(sb.length() - 1)) && isLatin(s.charAt(0))) sb.append(' ');
            sb.append(s);
        }
        return sb.toString();
    }

    private static String plain(Node n) {
        List<Block.Run> runs = new ArrayList<>();
        collect(n, false, runs);
        StringBuilder sb = new StringBuilder();
        runs.forEach(r -> sb.append(r.text()));
        return sb.toString();
    }

}
