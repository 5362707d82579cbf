package paiban.copy;

import paiban.core.Unicode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import paiban.core.PaibanException;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML mapping read as a node tree, so that every error can name the file, the line and the field.
 * Values are read as text and converted here; YAML's own typing (dates, booleans) is not trusted.
 */
public final class YamlFields {

    /** Far above the deepest real field (plan → entry → articles → placement), far below a stack overflow. */
    static final int MAX_DEPTH = 16;

    private final String file;
    private final int lineOffset;
    private final Node node;
    private final Map<String, Node> fields = new LinkedHashMap<>();

    private YamlFields(String file, int lineOffset, Node node) {
        this.file = file;
        this.lineOffset = lineOffset;
        this.node = node;
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode key)) {
                    throw error(t.getKeyNode(), "a field name must be a plain word, e.g. 'title:'");
                }
                // the composer does not enforce setAllowDuplicateKeys; a second 'title:' must not win in silence
                Node earlier = fields.put(key.getValue(), t.getValueNode());
                if (earlier != null) {
                    throw error(t.getKeyNode(), "the field '" + key.getValue() + "' is given twice (first on line "
                            + line(earlier, lineOffset) + "); keep one of them");
                }
            }
        }
    }

    /**
     * Parses YAML text that must be a mapping.
     *
     * @param file       the name to print in messages
     * @param lineOffset added to YAML's line numbers (front matter starts on line 2 of its file)
     */
    public static YamlFields parse(String file, int lineOffset, String text) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(20)
                .setAllowRecursiveKeys(false)
                .setCodePointLimit(1_000_000)
                .build();
        Optional<Node> root;
        try {
            checkNesting(settings, file, lineOffset, text);
            root = new Compose(settings).composeString(text);
        } catch (ReaderException e) {
            // YAML refuses control characters outright; name the character and its line
            throw new PaibanException(file + ":" + (lineAt(text, e.getPosition()) + lineOffset)
                    + ": the invisible character " + Unicode.notation(e.getCodePoint())
                    + " is not allowed in YAML; delete it (it is often left behind by copying from another program)");
        } catch (MarkedYamlEngineException e) {
            int problemLine = e.getProblemMark().or(e::getContextMark).map(Mark::getLine).orElse(0);
            int fromLine = e.getContextMark().map(Mark::getLine).orElse(problemLine);
            throw syntaxError(file, lineOffset, text, Math.min(fromLine, problemLine), problemLine, e.getProblem());
        } catch (YamlEngineException e) {
            throw new PaibanException(file + ": not valid YAML: " + firstLine(e.getMessage())
                    + ". Check the file's YAML syntax.");
        }
        if (root.isEmpty()) {
            return new YamlFields(file, lineOffset, new MappingNode(
                    org.snakeyaml.engine.v2.nodes.Tag.MAP, List.of(), org.snakeyaml.engine.v2.common.FlowStyle.BLOCK));
        }
        if (!(root.get() instanceof MappingNode)) {
            int at = line(root.get(), lineOffset);
            String hint = root.get() instanceof ScalarNode s && s.getValue().contains("：")
                    ? "; the colon '：' is full-width: type an ASCII ':' and a space, e.g. 'title: 标题'"
                    : "; write one 'field: value' per line";
            throw new PaibanException(file + ":" + at + ": expected 'field: value' lines, found " + describe(root.get())
                    + hint);
        }
        return new YamlFields(file, lineOffset, root.get());
    }

    /**
     * Refuses absurd nesting before the composer sees it: the composer recurses once per level, so
     * 5,000 '[' overflow the stack. The event parser is iterative and stops at the first level too many.
     */
    private static void checkNesting(LoadSettings settings, String file, int lineOffset, String text) {
        int depth = 0;
        for (Event e : new Parse(settings).parseString(text)) {
            if (e instanceof CollectionStartEvent) {
                if (++depth > MAX_DEPTH) {
                    int at = e.getStartMark().map(Mark::getLine).orElse(0) + 1 + lineOffset;
                    throw new PaibanException(file + ":" + at + ": lists and mappings are nested more than "
                            + MAX_DEPTH + " levels deep here, and paiban's fields nest at most 4; "
                            + "check the brackets and the indentation");
                }
            } else if (e instanceof CollectionEndEvent) {
                depth--;
            }
        }
    }

    /** A syntax error, with a hint for the slips editors really make: full-width colons and tabs. */
    private static PaibanException syntaxError(String file, int lineOffset, String text, int fromLine, int problemLine,
                                               String problem) {
        List<String> lines = text.lines().toList();
        for (int i = fromLine; i <= problemLine && i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.contains("：") && !l.contains(": ")) {
                return new PaibanException(file + ":" + (i + 1 + lineOffset) + ": not valid YAML: the colon '：' "
                        + "is full-width; type an ASCII ':' followed by a space, e.g. 'title: 标题'");
            }
        }
        if (problem != null && problem.contains("TAB")) {
            return new PaibanException(file + ":" + (problemLine + 1 + lineOffset) + ": not valid YAML: the line is "
                    + "indented with a tab; indent with spaces, never tabs");
        }
        return new PaibanException(file + ":" + (problemLine + 1 + lineOffset) + ": not valid YAML: "
                + firstLine(problem) + "; fix the YAML syntax on that line (quote a value that contains ': ' or ' #', "
                + "e.g. title: \"a: b\")");
    }

    /** The 1-based line of a code point position in the text. */
    private static int lineAt(String text, int codePointIndex) {
        int line = 1;
        int i = 0;
        for (int n = 0; i < text.length() && n < codePointIndex; n++) {
            if (text.charAt(i) == '\n') line++;
            i += Character.charCount(text.codePointAt(i));
        }
        return line;
    }

    private static String firstLine(String s) {
        if (s == null) return "syntax error";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static int line(Node n, int offset) {
        return n.getStartMark().map(Mark::getLine).orElse(0) + 1 + offset;
    }

    public int line() {
        return line(node, lineOffset);
    }

    public String file() {
        return file;
    }

    public boolean has(String key) {
        return fields.containsKey(key) && !isNull(fields.get(key));
    }

    public java.util.Set<String> keys() {
        return fields.keySet();
    }

    public PaibanException error(Node n, String message) {
        return new PaibanException(file + ":" + line(n, lineOffset) + ": " + message);
    }

    public PaibanException missing(String key, String what) {
        return new PaibanException(file + ": the field '" + key + "' is missing; add a line '" + key + ": " + what + "'");
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode s && (s.getTag().getValue().endsWith(":null")
                || (s.getValue().isEmpty() && s.getScalarStyle().toString().equals("PLAIN")));
    }

    private static String describe(Node n) {
        if (n instanceof MappingNode) return "a mapping";
        if (n instanceof SequenceNode) return "a list";
        if (n instanceof ScalarNode s) return Quoted.of(s.getValue());
        return "a " + n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    /** A text field; numbers and dates are accepted as written. */
    public Optional<String> text(String key) {
        Node n = fields.get(key);
        if (n == null || isNull(n)) return Optional.empty();
        if (!(n instanceof ScalarNode s)) {
            throw error(n, "the field '" + key + "' must be text, found " + describe(n));
        }
        return Optional.of(s.getValue());
    }

    public String requiredText(String key, String what) {
        String v = text(key).orElseThrow(() -> missing(key, what)).strip();
        if (v.isEmpty()) {
            throw error(fields.get(key), "the field '" + key + "' is empty; give it " + what);
        }
        return v;
    }

    /**
     * A whole-number field within [min, max].
     *
     * @param example a sensible value for the message, e.g. "8" for pages
     */
    public Optional<Integer> integer(String key, int min, int max, String example) {
        Optional<String> t = text(key);
        if (t.isEmpty()) return Optional.empty();
        Node n = fields.get(key);
        String written = t.get().strip();
        String fix = "; write it like '" + key + ": " + example + "'";
        if (!written.matches("[+-]?[0-9]+")) {
            throw error(n, "the field '" + key + "' must be a whole number, found " + Quoted.of(t.get()) + fix);
        }
        BigInteger v = new BigInteger(written);
        if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
            throw error(n, "the field '" + key + "' must be a whole number from " + min + " to " + max
                    + ", found " + Quoted.of(written) + fix);
        }
        return Optional.of(v.intValueExact());
    }

    /** A yes/no field: true, false, yes or no, as an editor writes it. */
    public Optional<Boolean> flag(String key) {
        Optional<String> t = text(key);
        if (t.isEmpty()) return Optional.empty();
        return switch (t.get().strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes" -> Optional.of(true);
            case "false", "no" -> Optional.of(false);
            default -> throw error(fields.get(key), "the field '" + key + "' must be true or false, found "
                    + Quoted.of(t.get()) + "; write it like '" + key + ": true'");
        };
    }

    Optional<LocalDate> date(String key) {
        Optional<String> t = text(key);
        if (t.isEmpty()) return Optional.empty();
        String written = t.get().strip();
        try {
            return Optional.of(LocalDate.parse(written));
        } catch (DateTimeParseException e) {
            String why = written.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}") ? ", which is not a day of the calendar" : "";
            throw error(fields.get(key), "the field '" + key + "' must be a date written YYYY-MM-DD, found "
                    + Quoted.of(t.get()) + why + "; write it like '" + key + ": 2021-06-22'");
        }
    }

    /** The line of a field's value, or of the whole mapping if the field is absent. */
    public int line(String key) {
        Node n = fields.get(key);
        return n == null ? line() : line(n, lineOffset);
    }

    /** A list field; each item is given as its node for the caller to read. */
    public List<Node> list(String key) {
        Node n = fields.get(key);
        if (n == null || isNull(n)) return List.of();
        if (!(n instanceof SequenceNode seq)) {
            throw error(n, "the field '" + key + "' must be a list (lines starting with '- '), found " + describe(n));
        }
        return new ArrayList<>(seq.getValue());
    }

    /** Reads a list item that is itself a mapping. */
    public YamlFields nested(Node n, String what) {
        if (!(n instanceof MappingNode)) {
            throw error(n, what + " must be a mapping of 'field: value' pairs, found " + describe(n));
        }
        return new YamlFields(file, lineOffset, n);
    }

    /** A scalar list item as text. */
    String scalar(Node n, String what) {
        if (!(n instanceof ScalarNode s)) {
            throw error(n, what + " must be text, found " + describe(n));
        }
        return s.getValue();
    }

    static boolean isScalar(Node n) {
        return n instanceof ScalarNode;
    }

    /** A field that is itself a mapping, or empty when the field is absent. */
    public Optional<YamlFields> section(String key) {
        Node n = fields.get(key);
        if (n == null || isNull(n)) return Optional.empty();
        return Optional.of(nested(n, "the field '" + key + "'"));
    }

    /** Refuses a field not in {@code allowed}: a misspelt key must not be ignored in silence. */
    public void onlyKeys(java.util.Collection<String> allowed, String where) {
        for (var e : fields.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw error(e.getValue(), "unknown field '" + e.getKey() + "'" + where + "; known fields: "
                        + String.join(", ", allowed));
            }
        }
    }
}
