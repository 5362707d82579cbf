package paiban.typeset;

import org.openpdf.text.pdf.BaseFont;
import paiban.core.PaibanException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What {@code paiban fonts} tells a publisher about a font book: each role's file, face and size, the
 * faces inside the collections at hand (to name one in fonts/fonts.yaml), and for a text, which
 * characters each role's font lacks and which fallback would set them.
 */
public final class FontSurvey {

    private FontSurvey() {
    }

    /**
     * One role.
     *
     * @param glyphs     the glyphs in the face (its 'maxp' table)
     * @param characters the Unicode characters the face maps to a glyph
     */
    public record Role(String role, String file, String face, String family, int glyphs, int characters) {
    }

    /** A font collection (.ttc) and the PostScript names of its faces, in order. */
    public record Collection(Path file, List<String> faces) {
    }

    /** A character a role's font lacks, and the role whose font sets it instead (null: none does). */
    public record Gap(int codePoint, String fallback) {
        public String character() {
            return Character.toString(codePoint);
        }
    }

    /** The roles, in the order of fonts/fonts.yaml. */
    public static List<Role> roles(FontBook fonts) {
        List<Role> out = new ArrayList<>();
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Face f : fonts.roles().values()) {
            byte[] bytes = files.computeIfAbsent(f.file(), FontSurvey::read);
            int index = 0;
            if (f.file().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                try {
                    index = List.of(BaseFont.enumerateTTCNames(bytes)).indexOf(f.postscript());
                } catch (Exception e) {
                    throw new PaibanException(f.file() + ": not a readable font collection (" + e.getMessage() + ")");
                }
            }
            int characters = 0;
            for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
                if (f.has(cp)) characters++;
            }
            out.add(new Role(f.role(), f.file(), f.postscript(), f.name(), FontFile.glyphCount(bytes, Math.max(index, 0)),
                    characters));
        }
        return out;
    }

    /** The collections in the fonts folder, and those the roles use, with their faces. */
    public static List<Collection> collections(FontBook fonts) {
        TreeSet<Path> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(fonts.folder())) {
            list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")).forEach(files::add);
        } catch (IOException e) {
            throw new PaibanException(fonts.folder() + ": cannot list the fonts folder (" + e.getMessage() + ")");
        }
        for (Face f : fonts.roles().values()) {
            if (f.file().toLowerCase(Locale.ROOT).endsWith(".ttc")) files.add(Path.of(f.file()));
        }
        List<Collection> out = new ArrayList<>();
        for (Path file : files) {
            try {
                out.add(new Collection(file, List.of(BaseFont.enumerateTTCNames(read(file.toString())))));
            } catch (PaibanException e) {
                throw e;
            } catch (Exception e) {
                throw new PaibanException(file + ": not a readable font collection (" + e.getMessage() + ")");
            }
        }
        return out;
    }

    /**
     * For each role, in the order of fonts/fonts.yaml, the characters of {@code text} (spaces and
     * controls aside) its font lacks, each with the fallback that would set it.
     */
    public static Map<String, List<Gap>> gaps(FontBook fonts, String text) {
        TreeSet<Integer> chars = new TreeSet<>();
        text.codePoints().filter(cp -> !Character.isWhitespace(cp) && !Character.isISOControl(cp)
                && Character.getType(cp) != Character.FORMAT).forEach(chars::add);
        Map<String, List<Gap>> out = new LinkedHashMap<>();
        for (Face f : fonts.roles().values()) {
            List<Gap> gaps = new ArrayList<>();
            for (int cp : chars) {
                if (f.has(cp)) continue;
                String by = null;
                for (Face other : fonts.chain(f)) {
                    if (other != f && other.has(cp)) {
                        by = other.role();
                        break;
                    }
                }
                gaps.add(new Gap(cp, by));
            }
            out.put(f.role(), gaps);
        }
        return out;
    }

    /** All the text of an issue folder that paiban sets: issue.yaml and every article. */
    public static String issueText(Path issue) {
        Path yaml = issue.resolve("issue.yaml");
        if (!Files.isRegularFile(yaml)) throw new PaibanException(issue + ": no issue.yaml; give an issue folder");
        StringBuilder text = new StringBuilder();
        try {
            text.append(Files.readString(yaml));
            Path articles = issue.resolve("articles");
            if (Files.isDirectory(articles)) {
                try (Stream<Path> list = Files.list(articles)) {
                    for (Path md : list.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                        text.append('\n').append(Files.readString(md));
                    }
                }
            }
        } catch (IOException e) {
            throw new PaibanException(issue + ": cannot read the issue (" + e.getMessage() + ")");
        }
        return text.toString();
    }

    private static byte[] read(String file) {
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            throw new PaibanException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }
}
