package paiban.copy;

import org.snakeyaml.engine.v2.nodes.Node;
import paiban.core.PaibanException;
import paiban.core.Unicode;
import paiban.model.Article;
import paiban.model.HeadlineShape;
import paiban.model.Block;
import paiban.model.Photo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Reads one {@code articles/<slug>.md}: YAML front matter between "---" lines, then the Markdown body. */
final class ArticleReader {

    private static final Set<String> KNOWN = Set.of("title", "kicker", "subtitle", "dateline", "source", "quote",
            "section", "priority", "photos", "headline", "box");

    /** 2 MB: a long feature is 30 KB of UTF-8; anything near this is a paste gone wrong, not copy. */
    static final long MAX_BYTES = 2_000_000;

    private ArticleReader() {
    }

    /**
     * @param decodeLater receives each photo, whose header has been checked, for {@link PhotoReader#decodes}:
     *                    the issue reader decodes them all at once, side by side
     * @param warnings    hears what is wrong but does not stop the build (an unknown field)
     */
    static Article read(Path file, FolderGuard guard, String defaultSection, List<PhotoReader.Check> decodeLater,
                        Consumer<String> warnings) {
        String name = "articles/" + file.getFileName();
        String slug = file.getFileName().toString().replaceFirst("\\.md$", "");
        String text = readUtf8(file, name);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        List<String> lines = text.lines().toList();

        if (lines.isEmpty() || !isFence(lines.getFirst())) {
            throw new PaibanException(name + ":1: article '" + slug + "' must start with front matter: a line '---', "
                    + "then 'title: ...', then another line '---'");
        }
        int close = 1;
        while (close < lines.size() && !isFence(lines.get(close))) close++;
        if (close == lines.size()) {
            throw new PaibanException(name + ":1: the front matter of article '" + slug + "' opened here is never "
                    + "closed; " + closingHint(lines));
        }
        String front = String.join("\n", lines.subList(1, close)) + "\n";
        String body = String.join("\n", lines.subList(close + 1, lines.size()));

        YamlFields f = YamlFields.parse(name, 1, front);
        for (String key : f.keys()) {
            if (!KNOWN.contains(key)) {
                warnings.accept(name + ":" + f.line(key) + ": unknown field " + Quoted.of(key)
                        + " is ignored (known: " + String.join(", ", new java.util.TreeSet<>(KNOWN)) + ")");
            }
        }
        String title = f.text("title").map(String::strip).orElse("");
        if (title.isEmpty()) {
            throw new PaibanException(name + ":" + f.line("title") + ": article '" + slug + "' has no title; "
                    + "add a line 'title: ...' to its front matter, between the '---' lines");
        }
        List<Photo> photos = new ArrayList<>();
        int i = 0;
        for (Node item : f.list("photos")) {
            i++;
            YamlFields p = f.nested(item, "photos[" + i + "]");
            String at = name + ":" + p.line("file") + ": article '" + slug + "', photos[" + i + "]";
            String written = p.text("file").map(String::strip).orElse("");
            if (written.isEmpty()) {
                throw new PaibanException(at + " has no 'file'; give the photo's path inside the issue folder, "
                        + "e.g. 'file: photos/a.jpg'");
            }
            Path resolved = guard.resolve(written, at);
            PhotoReader.Header size = PhotoReader.header(resolved, written, at);
            decodeLater.add(new PhotoReader.Check(resolved, written, at));
            photos.add(new Photo(written, resolved, Punctuation.fullWidth(p.text("caption").orElse("").strip()),
                    p.text("credit").orElse("").strip(), size.width(), size.height(), size.orientation()));
        }
        List<Block> blocks = MarkdownBody.parse(body, name, close + 2);
        String quote = Punctuation.fullWidth(f.text("quote").orElse("").strip());
        if (!quote.isEmpty() && !Unicode.withoutSpaces(bodyText(blocks)).contains(Unicode.withoutSpaces(quote))) {
            // a pull quote repeats the copy; one that says something else would put words in the article's mouth
            throw new PaibanException(name + ":" + f.line("quote") + ": article '" + slug + "': the field 'quote' must be "
                    + "a sentence of the article's body, copied as it stands there; " + Quoted.of(quote) + " is not in it");
        }
        return new Article(slug, file,
                Punctuation.fullWidth(title),
                Punctuation.fullWidth(f.text("kicker").orElse("").strip()),
                Punctuation.fullWidth(f.text("subtitle").orElse("").strip()),
                Punctuation.fullWidth(f.text("dateline").orElse("").strip()),
                Punctuation.fullWidth(f.text("source").orElse("").strip()),
                f.text("section").orElse(defaultSection).strip(),
                f.integer("priority", 1, 99, "1").orElse(5),
                photos, blocks, quote, headlineShape(f, name, slug), box(f));
    }

    /** The {@code headline:} field: horizontal (the default) or vertical (竖排标题). */
    private static HeadlineShape headlineShape(YamlFields f, String name, String slug) {
        String written = f.text("headline").map(String::strip).orElse("");
        if (written.isEmpty()) return HeadlineShape.HORIZONTAL;
        for (HeadlineShape s : HeadlineShape.values()) if (s.word().equals(written)) return s;
        throw new PaibanException(name + ":" + f.line("headline") + ": article '" + slug + "': the field 'headline' must be "
                + "'horizontal' or 'vertical', found " + Quoted.of(written) + "; write 'headline: vertical' for a "
                + "headline set as a column down the story's right edge (竖排标题)");
    }

    /** {@code box:} a box style of the layout (checked when the issue is composed, where the layout is known). */
    private static Article.BoxChoice box(YamlFields f) {
        String name = f.text("box").map(String::strip).orElse("");
        return name.isEmpty() ? Article.BoxChoice.NONE : new Article.BoxChoice(name, f.line("box"));
    }

    private static String bodyText(List<Block> blocks) {
        StringBuilder sb = new StringBuilder();
        for (Block b : blocks) {
            if (b instanceof Block.Paragraph p) sb.append(p.text());
            if (b instanceof Block.Subhead h) sb.append(h.text());
        }
        return sb.toString();
    }


    /** "---", forgiving the trailing spaces an editor cannot see. */
    private static boolean isFence(String line) {
        return line.stripTrailing().equals("---");
    }

    /** Chinese input methods turn "---" into "———" or "－－－"; say so when such a line is there. */
    private static String closingHint(List<String> lines) {
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.length() >= 2 && l.chars().allMatch(c -> c == '-' || c == '—' || c == '－' || c == '─' || c == '–')) {
                return "line " + (i + 1) + " (" + Quoted.of(l) + ") looks meant to close it; type exactly three "
                        + "ASCII hyphens '---' there";
            }
        }
        return "add a line '---' after the last field (title, photos ...)";
    }

    /** The file's text, refused with the line of the first bad byte unless it is UTF-8. */
    static String readUtf8(Path file, String name) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new PaibanException(name + ": the file is " + String.format(java.util.Locale.ROOT, "%.1f", size / 1e6)
                        + " MB, more than the " + MAX_BYTES / 1_000_000 + " MB paiban reads; split it, or remove what "
                        + "was pasted in by mistake");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PaibanException(name + ": the file cannot be read (" + e.getMessage() + "); check that it is "
                    + "a file and that you may read it");
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = utf8.decode(in, out, true);
        if (r.isUnderflow()) r = utf8.flush(out);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            for (int k = 0; k < at; k++) if (bytes[k] == '\n') line++;
            throw new PaibanException(name + ":" + line + ": the file is not UTF-8 text (byte "
                    + String.format("0x%02X", bytes[at] & 0xFF) + " cannot start or continue a character)"
                    + (looksLikeGbk(bytes) ? "; it looks like GBK/GB2312, as Windows editors often save Chinese" : "")
                    + "; save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)");
        }
        return out.flip().toString();
    }

    private static boolean looksLikeGbk(byte[] bytes) {
        if (!Charset.isSupported("GBK")) return false;
        try {
            String s = Charset.forName("GBK").newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
