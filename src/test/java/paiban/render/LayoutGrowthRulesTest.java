package paiban.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.core.PaibanException;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * layout.yaml's keys for opening up short copy, {@code headlines.grow} and {@code air.spread}, and the 导读 box's
 * {@code index.air} and {@code index.summary}.
 */
class LayoutGrowthRulesTest {

    @Test
    void theKeysAreReadAndDefaulted(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("layout.yaml"), "headlines:\n  grow: 2\nindex:\n  air: 1\nair:\n  spread: 6\n");
        var rules = LayoutRulesReader.read(dir, "x");
        assertEquals(2, rules.headlines().grow());
        assertEquals(1, rules.index().air());
        assertTrue(rules.index().summary(), "index.summary defaults to true");
        assertEquals(6, rules.air().spread());
        Files.writeString(dir.resolve("layout.yaml"), "index:\n  title: 导读\n");
        rules = LayoutRulesReader.read(dir, "x");
        assertEquals(paiban.compose.LayoutRules.Headlines.GROW, rules.headlines().grow());
        assertEquals(paiban.compose.LayoutRules.IndexRules.AIR, rules.index().air());
        assertEquals(paiban.compose.LayoutRules.Air.SPREAD, rules.air().spread());
    }

    @Test
    void theIndexSummaryCanBeTurnedOff(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("layout.yaml"), "index:\n  summary: false\n");
        assertFalse(LayoutRulesReader.read(dir, "x").index().summary());
        Files.writeString(dir.resolve("layout.yaml"), "index:\n  summary: maybe\n");
        PaibanException e = assertThrows(PaibanException.class, () -> LayoutRulesReader.read(dir, "x"));
        assertTrue(e.getMessage().startsWith("layouts/x/layout.yaml:2:"), e.getMessage());
    }

    @Test
    void aValueOutOfRangeNamesTheFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("layout.yaml"), "headlines:\n  grow: 9\n");
        PaibanException e = assertThrows(PaibanException.class, () -> LayoutRulesReader.read(dir, "x"));
        assertTrue(e.getMessage().startsWith("layouts/x/layout.yaml:2:"), e.getMessage());
        assertTrue(e.getMessage().contains("grow"), e.getMessage());
        Files.writeString(dir.resolve("layout.yaml"), "index:\n  air: -1\n");
        e = assertThrows(PaibanException.class, () -> LayoutRulesReader.read(dir, "x"));
        assertTrue(e.getMessage().startsWith("layouts/x/layout.yaml:2:"), e.getMessage());
    }
}
