package paiban.finish;

import org.junit.jupiter.api.Test;
import paiban.render.RenderedIssue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Photos prepared while the pages render must give the very files the finish stage makes on its own:
 * a head start may make a build faster, never different. It is taken when it fits and refused when
 * compose's sizes would give other pixels than the PDF's placement.
 */
class PhotoHeadStartTest {

    @Test
    void photosPreparedDuringRenderGiveTheSameEditions() throws IOException {
        FinishedFixture plain = FinishedFixture.shared();
        RenderedIssue r = plain.rendered();
        EditionOptions opts = FinishedFixture.options(r);
        Path folder = TempFolders.create("paiban-head").resolve("2021-06-22");
        FinishReport report = Editions.write(r, folder, opts, PhotoHeadStart.start(uses(r, 1.0), opts));

        assertEquals(2, report.earlyPhotos(), "both photos came from the head start");
        assertSameFiles(plain.folder(), folder, "print.pdf", "email.pdf", "pages/01.pdf", "pages/02.pdf");
    }

    @Test
    void aHeadStartForOtherSizesIsRefusedAndChangesNothing() throws IOException {
        FinishedFixture plain = FinishedFixture.shared();
        RenderedIssue r = plain.rendered();
        EditionOptions opts = FinishedFixture.options(r).withEditions(java.util.EnumSet.of(Edition.PRINT, Edition.EMAIL));
        Path folder = TempFolders.create("paiban-head-wrong").resolve("2021-06-22");
        // at half the size the large photo exceeds 450 dpi and the small one 150 dpi: other pixels
        FinishReport report = Editions.write(r, folder, opts, PhotoHeadStart.start(uses(r, 0.5), opts));

        assertEquals(0, report.earlyPhotos());
        assertSameFiles(plain.folder(), folder, "print.pdf", "email.pdf");
    }

    @Test
    void anEmailOnlyBuildTakesItsPhotosFromTheHeadStart() throws IOException {
        FinishedFixture plain = FinishedFixture.shared();
        RenderedIssue r = plain.rendered();
        EditionOptions opts = FinishedFixture.options(r).withEditions(java.util.EnumSet.of(Edition.EMAIL));
        Path folder = TempFolders.create("paiban-head-email").resolve("2021-06-22");
        FinishReport report = Editions.write(r, folder, opts, PhotoHeadStart.start(uses(r, 1.0), opts));

        assertEquals(2, report.earlyPhotos());
        assertSameFiles(plain.folder(), folder, "email.pdf");
    }

    /** The fixture's photo placements with their frames scaled by {@code scale}. */
    private static List<RenderedIssue.PhotoPlacement> uses(RenderedIssue r, double scale) {
        List<RenderedIssue.PhotoPlacement> uses = new ArrayList<>();
        for (RenderedIssue.PhotoPlacement p : r.photos()) {
            uses.add(new RenderedIssue.PhotoPlacement(p.photo(), p.page(), p.x(), p.y(),
                    (float) (p.width() * scale), (float) (p.height() * scale)));
        }
        assertEquals(2, uses.size());
        return uses;
    }

    private static void assertSameFiles(Path a, Path b, String... names) throws IOException {
        for (String n : names) {
            assertArrayEquals(Files.readAllBytes(a.resolve(n)), Files.readAllBytes(b.resolve(n)), n + " differs");
        }
    }
}
