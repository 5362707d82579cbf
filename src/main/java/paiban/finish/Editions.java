package paiban.finish;

import paiban.PaibanException;
import paiban.render.RenderedIssue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The finish stage's entry point: writes the chosen editions of a rendered issue into its output folder.
 * All files appear together when every edition succeeded; on any failure none of them does.
 */
public final class Editions {

    private Editions() {
    }

    /**
     * Writes {@code opts.editions()} of {@code r} into {@code issueOutDir} (created if need be).
     *
     * @return the files written and each edition's time
     * @throws PaibanException when an edition cannot be made; no new file is left in place then
     */
    public static FinishReport write(RenderedIssue r, Path issueOutDir, EditionOptions opts) {
        Set<Edition> wanted = opts.editions();
        // Load the profile first: a wrong --cmyk-profile should fail before a minute of work.
        CmykProfile profile = wanted.contains(Edition.PRINT) ? CmykProfile.load(opts.cmykProfile()) : null;
        long start = System.nanoTime();
        Master master = Master.read(r);
        long masterMillis = since(start);
        Imprint imprint = Imprint.of(r.issue(), opts.timestamp());
        Map<Edition, Long> millis = new EnumMap<>(Edition.class);
        try (Staging staging = new Staging(issueOutDir)) {
            if (wanted.contains(Edition.PRINT)) {
                long t = System.nanoTime();
                new PrintPdf(master, imprint, profile, opts.marks(), opts.warnings()).write(staging.file("print.pdf"));
                millis.put(Edition.PRINT, since(t));
            }
            if (wanted.contains(Edition.ARCHIVE)) {
                long t = System.nanoTime();
                ArchivePdf.write(master, imprint, staging.file("archive.pdf"));
                millis.put(Edition.ARCHIVE, since(t));
            }
            if (wanted.contains(Edition.EMAIL) || wanted.contains(Edition.PAGES)) {
                long t = System.nanoTime();
                byte[] screen = EmailPdf.screenCopy(master);
                if (wanted.contains(Edition.EMAIL)) {
                    EmailPdf.write(screen, master, imprint, staging.file("email.pdf"), opts.warnings());
                    millis.put(Edition.EMAIL, since(t));
                    t = System.nanoTime();
                }
                if (wanted.contains(Edition.PAGES)) {
                    PagePdfs.write(screen, r, imprint, staging);
                    millis.put(Edition.PAGES, since(t));
                }
            }
            if (wanted.contains(Edition.PREVIEWS)) {
                long t = System.nanoTime();
                Previews.write(master, staging);
                millis.put(Edition.PREVIEWS, since(t));
            }
            if (wanted.contains(Edition.TEXT)) {
                long t = System.nanoTime();
                FullText.write(r, staging.file("text.json"));
                millis.put(Edition.TEXT, since(t));
            }
            List<Path> files = staging.commit();
            return new FinishReport(issueOutDir, files, masterMillis, millis);
        } catch (IOException | UncheckedIOException e) {
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new PaibanException(issueOutDir + ": cannot write the editions (" + why
                    + "); no edition was replaced. Check the folder is writable and the disk has room", e);
        }
    }

    private static long since(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
