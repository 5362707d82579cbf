package paiban.finish;

import org.junit.jupiter.api.Test;
import paiban.core.PaibanException;

import java.io.IOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EditionOptionsTest {

    @Test
    void withoutSourceDateEpochTheIssueDateAtBeijingMidnightIsUsed() throws IOException {
        var issue = RenderedFixture.shared().issue();
        assertEquals(ZonedDateTime.parse("2021-06-22T00:00+08:00").toInstant(), EditionOptions.timestamp(issue, null));
        assertEquals(ZonedDateTime.parse("2021-06-22T00:00+08:00").toInstant(), EditionOptions.timestamp(issue, " "));
    }

    @Test
    void sourceDateEpochIsSecondsSince1970() throws IOException {
        var issue = RenderedFixture.shared().issue();
        assertEquals(Instant.ofEpochSecond(1_624_300_000L), EditionOptions.timestamp(issue, "1624300000"));
        PaibanException e = assertThrows(PaibanException.class, () -> EditionOptions.timestamp(issue, "yesterday"));
        assertTrue(e.getMessage().startsWith("SOURCE_DATE_EPOCH: 'yesterday'"), e.getMessage());
    }

    @Test
    void editionListsAreParsedAndUnknownNamesExplained() {
        assertEquals(EnumSet.of(Edition.PRINT, Edition.TEXT), Edition.parse("text, print"));
        PaibanException e = assertThrows(PaibanException.class, () -> Edition.parse("print,pdfa"));
        assertEquals("--edition: 'pdfa' is not an edition; choose from print, archive, email, pages, previews, text, library, web",
                e.getMessage());
        assertThrows(PaibanException.class, () -> Edition.parse(" , "));
    }
}
