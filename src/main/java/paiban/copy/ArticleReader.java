package paiban.copy;

import org.snakeyaml.engine.v2.nodes.Node;
import paiban.PaibanException;
import paiban.model.Article;
import paiban.model.Block;
import paiban.model.Photo;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads one {@code articles/<slug>.md}: YAML front matter between "---" lines, then the Markdown body. */
final class ArticleReader {

    private static final Set<String> KNOWN = Set.of("title", "kicker", "subtitle", "dateline", "source",
            "section", "priority", "photos");

    private ArticleReader() {
    }

    static Article read(Path file, FolderGuard guard, String defaultSection) {
        String name = "articles/" + file.getFileName();
        String slug = file.getFileName().toString().replaceFirst("\\.md$", "");
        String text = readUtf8(file, name);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        text = text.replace("\r\n", "\n").replace('\r', '\n');

        if (!text.startsWith("---\n")) {
            throw new PaibanException(name + ":1: the article must start with front matter: a '---' line, "
                    + "'title: ...', and another '---' line");
        }
        int end = text.indexOf("\n---", 3);
        while (end >= 0 && !(end + 4 == text.length() || text.charAt(end + 4) == '\n')) {
            end = text.indexOf("\n---", end + 1);
        }
        if (end < 0) {
            throw new PaibanException(name + ":1: the front matter is not closed; add a '---' line after it");
        }
        String front = text.substring(4, end + 1);
        String body = end + 5 <= text.length() ? text.substring(Math.min(text.length(), end + 5)) : "";

        YamlFields f = YamlFields.parse(name, 1, front);
        for (String key : f.keys()) {
            if (!KNOWN.contains(key)) {
                System.err.println("warning: " + name + ": unknown field '" + key + "' is ignored (known: "
                        + String.join(", ", new java.util.TreeSet<>(KNOWN)) + ")");
            }
        }
        String title = f.text("title").map(String::strip).orElse("");
        if (title.isEmpty()) {
            throw new PaibanException(name + ": article '" + slug + "' has no title; add 'title: ...' to its front matter");
        }
        String where = name + " (article '" + slug + "')";
        List<Photo> photos = new ArrayList<>();
        int i = 0;
        for (Node item : f.list("photos")) {
            i++;
            final int index = i;
            String at = where + ", photos[" + i + "]";
            YamlFields p = f.nested(item, "photos[" + i + "]");
            String written = p.text("file").map(String::strip).orElseThrow(() -> new PaibanException(
                    name + ":" + p.line() + ": photos[" + index + "] has no 'file'; give the photo's path inside the issue folder"));
            Path resolved = guard.resolve(written, at);
            int[] size = PhotoReader.dimensions(resolved, at);
            photos.add(new Photo(written, resolved, Punctuation.fullWidth(p.text("caption").orElse("").strip()),
                    p.text("credit").orElse("").strip(), size[0], size[1]));
        }
        List<Block> blocks = MarkdownBody.parse(body);
        return new Article(slug, file,
                Punctuation.fullWidth(title),
                Punctuation.fullWidth(f.text("kicker").orElse("").strip()),
                Punctuation.fullWidth(f.text("subtitle").orElse("").strip()),
                Punctuation.fullWidth(f.text("dateline").orElse("").strip()),
                Punctuation.fullWidth(f.text("source").orElse("").strip()),
                f.text("section").orElse(defaultSection).strip(),
                f.integer("priority", 1, 99).orElse(5),
                photos, blocks);
    }

    static String readUtf8(Path file, String name) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new PaibanException(name + ": the file is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw new PaibanException(name + ": cannot be read (" + e.getMessage() + ")");
        }
    }
}
