package paiban.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.core.PaibanException;
import paiban.typeset.FontBook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A layout can neither read a file outside its folder nor open a connection. */
class TemplateSecurityTest {

    private static Path copyOfTabloid(Path root, String name) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        Path tabloid = Path.of("layouts/tabloid");
        Files.copy(tabloid.resolve("page.xhtml"), dir.resolve("page.xhtml"));
        Files.copy(tabloid.resolve("layout.css"), dir.resolve("layout.css"));
        return dir;
    }

    private static PaibanException load(Path root, String name) {
        return assertThrows(PaibanException.class, () -> LayoutLoader.load(root, name, FontBook.of(Path.of("fonts"))));
    }

    @Test
    void aTemplateWithAnExternalEntityIsRefusedUnread(@TempDir Path root) throws IOException {
        Path dir = copyOfTabloid(root, "entity");
        String page = Files.readString(dir.resolve("page.xhtml"));
        page = page.replace("<html ", "<!DOCTYPE html [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n<html ")
                .replace("<title>paiban</title>", "<title>&secret;</title>");
        Files.writeString(dir.resolve("page.xhtml"), page);
        PaibanException e = load(root, "entity");
        assertTrue(e.getMessage().contains("page.xhtml") && e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertTrue(!e.getMessage().contains("root:"), "nothing of /etc/passwd leaks: " + e.getMessage());
    }

    @Test
    void aStylesheetThatImportsFromTheNetworkIsRefused(@TempDir Path root) throws IOException {
        Path dir = copyOfTabloid(root, "network");
        Files.writeString(dir.resolve("layout.css"), "@import url(\"http://127.0.0.1:9/evil.css\");\n"
                + Files.readString(dir.resolve("layout.css")));
        PaibanException e = load(root, "network");
        assertTrue(e.getMessage().contains("http://127.0.0.1:9/evil.css"), e.getMessage());
    }

    @Test
    void aStylesheetThatReachesOutsideItsFolderIsRefused(@TempDir Path root) throws IOException {
        Path dir = copyOfTabloid(root, "outside");
        Files.writeString(dir.resolve("layout.css"), "@import url(\"file:///etc/passwd\");\n"
                + Files.readString(dir.resolve("layout.css")));
        PaibanException e = load(root, "outside");
        assertTrue(e.getMessage().contains("/etc/passwd"), e.getMessage());
    }
}
