package paiban.render;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import paiban.core.PaibanException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a layout asks of the press, from the {@code print:} mapping of {@code layouts/<name>/layout.yaml}:
 * <pre>
 * print:
 *   ink-limit: 240   # the most ink at one spot, C + M + Y + K in percent
 * </pre>
 * A layout made for a plant's paper sets it there, not in Java: coldset newsprint takes 220–240 %
 * (ISO 12647-3), improved newsprint and heatset more. Without the file or the field, the default holds.
 *
 * <p>Only this mapping is read here, and other top-level fields are left alone: layout.yaml is the
 * layout's settings file, and the layout loader's full reader is meant to take this over.
 *
 * @param inkLimit total area coverage allowed in print.pdf, percent
 */
public record PrintSettings(int inkLimit) {

    /** ISO 12647-3 accepts 240 % at most on coldset newsprint; WAN-IFRA's profiles separate to 220 %. */
    public static final int DEFAULT_INK_LIMIT = 240;
    /** Below this a press's colours are out of reach (K alone is 100 %, a two-colour red 200 %). */
    public static final int LOWEST_INK_LIMIT = 150;
    /** Four inks at 100 %: no limit at all. */
    public static final int HIGHEST_INK_LIMIT = 400;

    public static final PrintSettings DEFAULTS = new PrintSettings(DEFAULT_INK_LIMIT);

    public PrintSettings {
        if (inkLimit < LOWEST_INK_LIMIT || inkLimit > HIGHEST_INK_LIMIT) {
            throw new IllegalArgumentException("ink limit " + inkLimit + " % is outside " + LOWEST_INK_LIMIT + "–"
                    + HIGHEST_INK_LIMIT + " %");
        }
    }

    /** The settings of the layout in {@code folder} (named {@code name} in messages); the defaults without a file. */
    public static PrintSettings read(Path folder, String name) {
        Path file = folder.resolve("layout.yaml");
        if (!Files.isRegularFile(file)) {
            return DEFAULTS;
        }
        String shown = "layouts/" + name + "/layout.yaml";
        try {
            return parse(shown, Files.readString(file));
        } catch (IOException e) {
            throw new PaibanException(shown + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Parses layout.yaml's text; {@code shown} is the file's name in messages. */
    static PrintSettings parse(String shown, String text) {
        LoadSettings settings = LoadSettings.builder().setLabel(shown).setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(0).setCodePointLimit(100_000).build();
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(Mark::getLine).orElse(0) + 1;
            throw new PaibanException(shown + ":" + line + ": not valid YAML: " + firstLine(e.getProblem())
                    + "; fix the YAML syntax on that line");
        } catch (YamlEngineException e) {
            throw new PaibanException(shown + ": not valid YAML: " + firstLine(e.getMessage()));
        }
        if (root.isEmpty()) {
            return DEFAULTS;
        }
        if (!(root.get() instanceof MappingNode top)) {
            throw new PaibanException(shown + ":" + line(root.get()) + ": expected 'field: value' lines, e.g. "
                    + "'print: { ink-limit: 240 }'");
        }
        Node print = field(top, "print", shown, "");
        if (print == null || isNull(print)) {
            return DEFAULTS;
        }
        if (!(print instanceof MappingNode p)) {
            throw new PaibanException(shown + ":" + line(print) + ": field 'print': expected a mapping, e.g. "
                    + "'print: { ink-limit: 240 }'");
        }
        int inkLimit = DEFAULT_INK_LIMIT;
        for (NodeTuple t : p.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            if (!key.equals("ink-limit")) {
                throw new PaibanException(shown + ":" + line(t.getKeyNode()) + ": field 'print." + key
                        + "' is not known; the print settings are: ink-limit");
            }
        }
        Node limit = field(p, "ink-limit", shown, "print.");
        if (limit != null && !isNull(limit)) {
            inkLimit = percent(limit, shown);
        }
        return new PrintSettings(inkLimit);
    }

    private static int percent(Node n, String shown) {
        String where = shown + ":" + line(n) + ": field 'print.ink-limit': ";
        String v = n instanceof ScalarNode s ? s.getValue().strip() : null;
        if (v == null) throw new PaibanException(where + "expected a number of percent, e.g. 240");
        String digits = v.endsWith("%") ? v.substring(0, v.length() - 1).strip() : v;
        int value;
        try {
            value = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new PaibanException(where + "'" + v + "' is not a whole number of percent; write e.g. 240");
        }
        if (value < LOWEST_INK_LIMIT || value > HIGHEST_INK_LIMIT) {
            throw new PaibanException(where + value + " is outside " + LOWEST_INK_LIMIT + "–" + HIGHEST_INK_LIMIT
                    + " (C + M + Y + K in percent; coldset newsprint takes 220–240)");
        }
        return value;
    }

    private static Node field(MappingNode map, String key, String shown, String prefix) {
        Node found = null;
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
                if (found != null) {
                    throw new PaibanException(shown + ":" + line(t.getKeyNode()) + ": field '" + prefix + key
                            + "' is given twice; keep one");
                }
                found = t.getValueNode();
            }
        }
        return found;
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode s && (s.getTag().getValue().endsWith(":null") || s.getValue().isEmpty());
    }

    private static int line(Node n) {
        return n.getStartMark().map(Mark::getLine).orElse(0) + 1;
    }

    private static String firstLine(String s) {
        if (s == null) return "syntax error";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
