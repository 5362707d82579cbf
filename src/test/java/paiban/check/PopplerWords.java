package paiban.check;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Word boxes as poppler's {@code pdftotext -bbox} reports them: an independent reading of a PDF. */
final class PopplerWords {

    record Word(float xMin, float yMin, float xMax, float yMax, String text) {
    }

    record Page(float width, float height, List<Word> words) {
    }

    private static final Pattern PAGE = Pattern.compile("<page width=\"([0-9.]+)\" height=\"([0-9.]+)\">");
    private static final Pattern WORD = Pattern.compile(
            "<word xMin=\"([0-9.-]+)\" yMin=\"([0-9.-]+)\" xMax=\"([0-9.-]+)\" yMax=\"([0-9.-]+)\">([^<]*)</word>");

    static List<Page> read(Path pdf) throws Exception {
        Path html = Files.createTempFile("paiban-bbox", ".html");
        try {
            Process p = new ProcessBuilder("pdftotext", "-bbox", pdf.toString(), html.toString())
                    .redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) throw new IllegalStateException("pdftotext failed: " + log);
            List<Page> pages = new ArrayList<>();
            for (String line : Files.readAllLines(html, StandardCharsets.UTF_8)) {
                Matcher m = PAGE.matcher(line);
                if (m.find()) {
                    pages.add(new Page(Float.parseFloat(m.group(1)), Float.parseFloat(m.group(2)), new ArrayList<>()));
                    continue;
                }
                Matcher w = WORD.matcher(line);
                if (w.find()) {
                    pages.getLast().words().add(new Word(Float.parseFloat(w.group(1)), Float.parseFloat(w.group(2)),
                            Float.parseFloat(w.group(3)), Float.parseFloat(w.group(4)), unescape(w.group(5))));
                }
            }
            return pages;
        } finally {
            Files.deleteIfExists(html);
        }
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
