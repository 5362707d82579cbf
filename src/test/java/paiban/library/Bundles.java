package paiban.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import paiban.Pipeline;
import paiban.compose.FixtureIssue;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The two issues the archive bundle is tested on, each built once per test run with every edition through
 * the whole pipeline: the sample issue (2 pages, a jump from page 1 to page 2, the 导读 box) and the
 * 35-article fixture (about ten pages, many jumps, briefs and photos). Tests read them and must not
 * change them.
 */
final class Bundles {

    static final String ALTO = AltoPage.NAMESPACE;
    static final String METS = "http://www.loc.gov/METS/";
    static final String MODS = "http://www.loc.gov/mods/v3";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    static final Path OUT = Path.of("target/library-out").toAbsolutePath();

    private static Path sample;
    private static Path fixture;
    private static final java.util.Map<Path, Path> ISSUES = new java.util.concurrent.ConcurrentHashMap<>();

    private Bundles() {
    }

    /** out/2021-06-22 of the sample issue. */
    static synchronized Path sample() {
        if (sample == null) sample = build(Path.of("issues/2021-06-22").toAbsolutePath(), "sample");
        return sample;
    }

    /** out/fixture of the standard 35-article fixture. */
    static synchronized Path fixture() {
        if (fixture == null) {
            Path issues = fresh("fixture-issue");
            fixture = build(FixtureIssue.standard().write(issues, "fixture"), "fixture");
        }
        return fixture;
    }

    static List<Path> both() {
        return List.of(sample(), fixture());
    }

    static Path build(Path issue, String name) {
        Path out = fresh(name);
        Path folder = Pipeline.run(issue, out, java.util.EnumSet.allOf(paiban.finish.Edition.class), w -> { }).folder();
        ISSUES.put(folder, issue);
        return folder;
    }

    /** The issue as read from the copy an output folder was built from. */
    static paiban.model.Issue issue(Path out) {
        return paiban.copy.IssueReader.read(ISSUES.get(out));
    }

    private static Path fresh(String name) {
        Path dir = OUT.resolve(name);
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> all = Files.walk(dir)) {
                    for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
                }
            }
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document xml(Path file) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    static JsonNode textJson(Path folder) {
        try {
            return new ObjectMapper().readTree(folder.resolve("text.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ALTO files of an issue, in page order. */
    static List<Path> altos(Path folder) {
        try (Stream<Path> files = Files.list(folder.resolve("archive/alto"))) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every element under {@code root} (itself included) in document order. */
    static List<Element> all(Element root) {
        List<Element> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Element e, List<Element> out) {
        out.add(e);
        for (Element k : children(e)) collect(k, out);
    }

    static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        NodeList kids = e.getChildNodes();
        for (int i = 0; i < kids.getLength(); i++) {
            if (kids.item(i) instanceof Element k) out.add(k);
        }
        return out;
    }

    static List<Element> named(Element root, String ns, String local) {
        return all(root).stream().filter(e -> ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())).toList();
    }

    static int number(Element e, String attribute) {
        String v = e.getAttribute(attribute);
        if (!v.matches("-?\\d+")) {
            throw new AssertionError(e.getLocalName() + " " + e.getAttribute("ID") + ": " + attribute + "=\"" + v
                    + "\" is not a whole number of " + AltoPage.UNIT);
        }
        return Integer.parseInt(v);
    }

    /** The text of a TextBlock or TextLine: its Strings, an SP as one space, lines joined by a line end. */
    static String text(Element block) {
        StringBuilder sb = new StringBuilder();
        for (Element e : all(block)) {
            switch (e.getLocalName()) {
                case "TextLine" -> { if (!sb.isEmpty()) sb.append('\n'); }
                case "String" -> sb.append(e.getAttribute("CONTENT"));
                case "SP" -> sb.append(' ');
                default -> { }
            }
        }
        return sb.toString();
    }

    /** Without any white space: how the texts are compared, since ALTO marks line ends and spaces by position. */
    static String squeeze(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)).forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
