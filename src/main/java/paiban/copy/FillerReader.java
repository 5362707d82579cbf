package paiban.copy;

import org.snakeyaml.engine.v2.nodes.Node;
import paiban.model.Filler;
import paiban.model.Photo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code fillers/fillers.yaml} of an issue or a layout folder: each filler's image (inside the
 * folder, checked like a photo) and its size on the grid, e.g.
 * <pre>
 * fillers:
 *   - file: gongyi-jieyue.png     # relative to fillers/
 *     columns: 2
 *     lines: 18
 * </pre>
 * A folder without one has no fillers.
 */
public final class FillerReader {

    private FillerReader() {
    }

    /**
     * @param folder the issue or layout folder
     * @param where  how messages name the folder, e.g. "layouts/tabloid/" or "" for an issue
     */
    public static List<Filler> read(Path folder, String where) {
        Path yaml = folder.resolve("fillers").resolve("fillers.yaml");
        if (!Files.isRegularFile(yaml)) return List.of();
        FolderGuard guard = new FolderGuard(folder.toAbsolutePath().normalize());
        String name = where + "fillers/fillers.yaml";
        YamlFields f = YamlFields.parse(name, 0, ArticleReader.readUtf8(yaml, name));
        f.onlyKeys(List.of("fillers"), "");
        List<Filler> out = new ArrayList<>();
        int i = 0;
        for (Node n : f.list("fillers")) {
            i++;
            YamlFields e = f.nested(n, "fillers[" + i + "]");
            e.onlyKeys(List.of("file", "columns", "lines"), " in fillers[" + i + "]");
            String at = name + ":" + e.line() + ": fillers[" + i + "]";
            String file = e.requiredText("file", "the image, e.g. gongyi.png");
            Path resolved = guard.resolve("fillers/" + file, at);
            int columns = e.integer("columns", 1, 10, "2").orElseThrow(() -> e.missing("columns", "the columns it takes, e.g. 2"));
            int lines = e.integer("lines", 4, 300, "18").orElseThrow(() -> e.missing("lines", "the grid lines it takes, e.g. 18"));
            PhotoReader.Header size = PhotoReader.dimensions(resolved, "fillers/" + file, at);
            out.add(new Filler(file, new Photo("fillers/" + file, resolved, "", "", size.width(), size.height(),
                    size.orientation()), columns, lines));
        }
        return List.copyOf(out);
    }
}
