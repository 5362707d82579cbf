package paiban.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.core.PaibanException;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrintSettingsTest {

    private static final String FILE = "layouts/tabloid/layout.yaml";

    @Test
    void theTabloidLayoutSetsNewsprintsLimit() {
        PrintSettings s = PrintSettings.read(Path.of("layouts/tabloid"), "tabloid");
        assertEquals(240, s.inkLimit());
    }

    @Test
    void withoutTheFileOrTheFieldTheDefaultHolds(@TempDir Path dir) throws Exception {
        assertEquals(PrintSettings.DEFAULTS, PrintSettings.read(dir, "x"));
        Files.writeString(dir.resolve("layout.yaml"), "# nothing yet\nother: 1\n");
        assertEquals(PrintSettings.DEFAULTS, PrintSettings.read(dir, "x"));
    }

    @Test
    void readsBlockAndFlowFormsAndAPercentSign() {
        assertEquals(220, PrintSettings.parse(FILE, "print:\n  ink-limit: 220\n").inkLimit());
        assertEquals(230, PrintSettings.parse(FILE, "print: { ink-limit: 230 }\n").inkLimit());
        assertEquals(235, PrintSettings.parse(FILE, "print:\n  ink-limit: 235%\n").inkLimit());
    }

    @Test
    void errorsNameTheFileTheLineAndTheField() {
        assertMessage("print:\n  ink-limit: lots\n", FILE + ":2: field 'print.ink-limit': 'lots' is not a whole number");
        assertMessage("print:\n  ink-limit: 500\n", FILE + ":2: field 'print.ink-limit': 500 is outside 150–400");
        assertMessage("print:\n  ink-limit: 240.5\n", FILE + ":2: field 'print.ink-limit': '240.5'");
        assertMessage("print:\n  ink_limit: 220\n", FILE + ":2: field 'print.ink_limit' is not known");
        assertMessage("print:\n  ink-limit: 220\n  ink-limit: 230\n", FILE + ":3: field 'print.ink-limit' is given twice");
        assertMessage("print: 240\n", FILE + ":1: field 'print': expected a mapping");
        assertMessage("print:\n  ink-limit: [240\n", FILE + ":");
    }

    private static void assertMessage(String yaml, String start) {
        PaibanException e = assertThrows(PaibanException.class, () -> PrintSettings.parse(FILE, yaml));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
