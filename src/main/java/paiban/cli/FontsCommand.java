package paiban.cli;

import paiban.Pipeline;
import paiban.core.PaibanException;
import paiban.typeset.FontBook;
import paiban.typeset.FontSurvey;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code paiban fonts}: the font book of fonts/fonts.yaml, and what a text needs of it. */
@Command(name = "fonts", mixinStandardHelpOptions = true, description = {
        "List each typographic role of fonts/fonts.yaml with its file, face and glyph count, and the faces "
                + "inside every font collection (.ttc) at hand.",
        "With --text or --issue: the characters each role's font lacks, and the fallback that would set them."})
final class FontsCommand implements Callable<Integer> {

    static final class Source {
        @Option(names = "--text", paramLabel = "FILE", description = "a UTF-8 text file to check the fonts against")
        Path text;

        @Option(names = "--issue", paramLabel = "DIR", description = "an issue folder to check the fonts against")
        Path issue;
    }

    @ArgGroup(exclusive = true)
    Source source;

    @Override
    public Integer call() {
        FontBook fonts = FontBook.of(Pipeline.home().resolve("fonts"));
        System.out.println("Roles (" + fonts.folder().resolve("fonts.yaml") + "):");
        List<FontSurvey.Role> roles = FontSurvey.roles(fonts);
        int width = roles.stream().mapToInt(r -> r.role().length()).max().orElse(4);
        for (FontSurvey.Role r : roles) {
            System.out.printf(Locale.ROOT, "  %-" + width + "s  %s (%s), %,d glyphs, %,d characters%n    %s%n",
                    r.role(), r.face(), r.family(), r.glyphs(), r.characters(), r.file());
        }
        System.out.println("Fallback for a character a role's font lacks: "
                + String.join(", ", fonts.fallbackRoles()));
        System.out.println();
        System.out.println("Faces in the font collections (name one as a role's face):");
        for (FontSurvey.Collection c : FontSurvey.collections(fonts)) {
            System.out.println("  " + c.file() + ": " + String.join(", ", c.faces()));
        }
        if (source == null) return 0;

        String text;
        String what;
        if (source.text != null) {
            what = source.text.toString();
            try {
                text = Files.readString(source.text);
            } catch (IOException e) {
                throw new PaibanException(source.text + ": cannot be read as UTF-8 text (" + e.getMessage() + ")");
            }
        } else {
            what = source.issue.toString();
            text = FontSurvey.issueText(source.issue);
        }
        System.out.println();
        System.out.println("Characters of " + what + " that a role's font lacks:");
        for (Map.Entry<String, List<FontSurvey.Gap>> e : FontSurvey.gaps(fonts, text).entrySet()) {
            List<FontSurvey.Gap> gaps = e.getValue();
            if (gaps.isEmpty()) {
                System.out.println("  " + e.getKey() + ": none");
                continue;
            }
            System.out.println("  " + e.getKey() + ": " + gaps.size() + " — " + gaps.stream()
                    .map(g -> String.format(Locale.ROOT, "%s U+%04X %s", g.character(), g.codePoint(),
                            g.fallback() == null ? "(no font has it)" : "→ " + g.fallback()))
                    .collect(Collectors.joining(", ")));
        }
        return 0;
    }
}
