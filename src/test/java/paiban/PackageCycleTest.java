package paiban;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No package of paiban depends, through any chain, on itself: the stages stay in pipeline order and
 * the shared pieces below them. Dependencies are read from the sources (imports and fully qualified
 * names in code, not in comments or strings), which is all a package can depend on here: paiban
 * reaches no class of its own by reflection. Reading sources needs no library and no class-file
 * parser that must keep up with new JDKs.
 */
class PackageCycleTest {

    static final Path SOURCES = Path.of("src/main/java");

    /** paiban.copy.Quoted -> "copy"; paiban.Pipeline -> "" (the root package). */
    private static final Pattern REFERENCE = Pattern.compile("\\bpaiban\\.(?:([a-z][a-z0-9_]*)\\.)?[A-Z]");

    @Test
    void paibansPackagesFormNoCycle() throws IOException {
        Map<String, Set<String>> graph = dependencies(SOURCES);
        assertTrue(graph.keySet().containsAll(List.of("", "core", "copy", "typeset", "compose", "render", "finish",
                "deliver", "batch", "cli")), "the scan finds paiban's packages: " + graph.keySet());
        assertTrue(graph.get("cli").contains("batch") && graph.get("finish").contains("render"),
                "the scan finds the dependencies: " + graph);
        assertEquals(List.of(), cycles(graph), "packages that depend on each other, through any chain");
    }

    @Test
    void aCycleIsFoundAndNamed() {
        Map<String, Set<String>> graph = new TreeMap<>(Map.of(
                "core", Set.of(),
                "copy", Set.of("core"),
                "render", Set.of("copy", "finish"),
                "finish", Set.of("core", "deliver"),
                "deliver", Set.of("render")));
        assertEquals(List.of(List.of("deliver", "finish", "render")), cycles(graph));
    }

    @Test
    void commentsAndStringsAreNotDependencies() {
        String source = """
                package paiban.core;
                import paiban.model.Issue; // paiban.render.Layout in a comment
                /** {@link paiban.finish.Edition} */
                class X { String s = "paiban.deliver.Mailing"; char c = '"'; paiban.codec.TurboJpeg t; }
                """;
        assertEquals(Set.of("model", "codec"), referenced(source));
    }

    /** Package (relative to paiban, "" for the root) to the packages its sources refer to. */
    static Map<String, Set<String>> dependencies(Path root) throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        Path base = root.resolve("paiban");
        try (Stream<Path> files = Files.walk(base)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String pkg = base.relativize(f.getParent()).toString().replace('/', '.');
                Set<String> deps = graph.computeIfAbsent(pkg, k -> new TreeSet<>());
                for (String d : referenced(Files.readString(f, StandardCharsets.UTF_8))) {
                    if (!d.equals(pkg)) deps.add(d);
                }
            }
        }
        return graph;
    }

    static Set<String> referenced(String source) {
        Set<String> out = new TreeSet<>();
        Matcher m = REFERENCE.matcher(code(source));
        while (m.find()) out.add(m.group(1) == null ? "" : m.group(1));
        return out;
    }

    /** The source with comments, strings and character literals blanked out. */
    static String code(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                while (i < s.length() && s.charAt(i) != '\n') i++;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
                out.append(' ');
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                i = end < 0 ? s.length() : end + 3;
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < s.length() && s.charAt(i) != c) i += s.charAt(i) == '\\' ? 2 : 1;
                i++;
                out.append(c).append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Every strongly connected group of two or more packages (Tarjan), each sorted, in order. */
    static List<List<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) connect(v, graph, index, low, stack, onStack, out, counter);
        }
        out.sort((a, b) -> a.toString().compareTo(b.toString()));
        return out;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                                List<List<String>> out, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, out, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> group = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                group.add(w);
            } while (!w.equals(v));
            if (group.size() > 1) {
                group.sort(null);
                out.add(group);
            }
        }
    }
}
