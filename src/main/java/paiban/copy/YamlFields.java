package paiban.copy;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import paiban.PaibanException;

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
final class YamlFields {

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
                    throw error(t.getKeyNode(), "a key must be a plain name");
                }
                fields.put(key.getValue(), t.getValueNode());
            }
        }
    }

    /**
     * Parses YAML text that must be a mapping.
     *
     * @param file       the name to print in messages
     * @param lineOffset added to YAML's line numbers (front matter starts on line 2 of its file)
     */
    static YamlFields parse(String file, int lineOffset, String text) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(20)
                .setAllowRecursiveKeys(false)
                .setCodePointLimit(1_000_000)
                .build();
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(Mark::getLine).orElse(0) + 1 + lineOffset;
            throw new PaibanException(file + ":" + line + ": not valid YAML: " + firstLine(e.getProblem())
                    + ". Fix the YAML syntax on that line (quote values that contain ':' or '#').");
        } catch (YamlEngineException e) {
            throw new PaibanException(file + ": not valid YAML: " + firstLine(e.getMessage()));
        }
        if (root.isEmpty()) {
            return new YamlFields(file, lineOffset, new MappingNode(
                    org.snakeyaml.engine.v2.nodes.Tag.MAP, List.of(), org.snakeyaml.engine.v2.common.FlowStyle.BLOCK));
        }
        if (!(root.get() instanceof MappingNode)) {
            throw new PaibanException(file + ":" + line(root.get(), lineOffset)
                    + ": expected 'key: value' lines, found " + describe(root.get()));
        }
        return new YamlFields(file, lineOffset, root.get());
    }

    private static String firstLine(String s) {
        if (s == null) return "syntax error";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static int line(Node n, int offset) {
        return n.getStartMark().map(Mark::getLine).orElse(0) + 1 + offset;
    }

    int line() {
        return line(node, lineOffset);
    }

    String file() {
        return file;
    }

    boolean has(String key) {
        return fields.containsKey(key) && !isNull(fields.get(key));
    }

    java.util.Set<String> keys() {
        return fields.keySet();
    }

    PaibanException error(Node n, String message) {
        return new PaibanException(file + ":" + line(n, lineOffset) + ": " + message);
    }

    PaibanException missing(String key, String what) {
        return new PaibanException(file + ": the field '" + key + "' is missing; add a line '" + key + ": " + what + "'");
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode s && (s.getTag().getValue().endsWith(":null")
                || (s.getValue().isEmpty() && s.getScalarStyle().toString().equals("PLAIN")));
    }

    private static String describe(Node n) {
        if (n instanceof MappingNode) return "a mapping";
        if (n instanceof SequenceNode) return "a list";
        return "'" + ((ScalarNode) n).getValue() + "'";
    }

    /** A text field; numbers and dates are accepted as written. */
    Optional<String> text(String key) {
        Node n = fields.get(key);
        if (n == null || isNull(n)) return Optional.empty();
        if (!(n instanceof ScalarNode s)) {
            throw error(n, "the field '" + key + "' must be text, found " + describe(n));
        }
        return Optional.of(s.getValue());
    }

    String requiredText(String key, String what) {
        String v = text(key).orElseThrow(() -> missing(key, what)).strip();
        if (v.isEmpty()) {
            throw error(fields.get(key), "the field '" + key + "' is empty; give it " + what);
        }
        return v;
    }

    Optional<Integer> integer(String key, int min, int max) {
        Optional<String> t = text(key);
        if (t.isEmpty()) return Optional.empty();
        Node n = fields.get(key);
        int v;
        try {
            v = Integer.parseInt(t.get().strip());
        } catch (NumberFormatException e) {
            throw error(n, "the field '" + key + "' must be a whole number, found '" + t.get() + "'");
        }
        if (v < min || v > max) {
            throw error(n, "the field '" + key + "' must be between " + min + " and " + max + ", found " + v);
        }
        return Optional.of(v);
    }

    Optional<LocalDate> date(String key) {
        Optional<String> t = text(key);
        if (t.isEmpty()) return Optional.empty();
        try {
            return Optional.of(LocalDate.parse(t.get().strip()));
        } catch (DateTimeParseException e) {
            throw error(fields.get(key), "the field '" + key + "' must be a date written YYYY-MM-DD, found '"
                    + t.get() + "'");
        }
    }

    /** A list field; each item is given as its node for the caller to read. */
    List<Node> list(String key) {
        Node n = fields.get(key);
        if (n == null || isNull(n)) return List.of();
        if (!(n instanceof SequenceNode seq)) {
            throw error(n, "the field '" + key + "' must be a list (lines starting with '- '), found " + describe(n));
        }
        return new ArrayList<>(seq.getValue());
    }

    /** Reads a list item that is itself a mapping. */
    YamlFields nested(Node n, String what) {
        if (!(n instanceof MappingNode)) {
            throw error(n, what + " must be a mapping of 'key: value' pairs, found " + describe(n));
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
}
