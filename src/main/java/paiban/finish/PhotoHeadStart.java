package paiban.finish;

import paiban.core.Workers;
import paiban.render.RenderedIssue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The photos' print and screen forms, started as soon as compose has placed the photos, so that the
 * workers prepare them while the renderer lays out the pages on the main thread. Work is keyed by the
 * photo's id and done for its placement as compose recorded it, the very record the finish stage reads
 * ({@link Placement#largest}), so the finish stage takes it as it is. Only photos whose pixels ImageIO or
 * TurboJPEG decode as PDFBox would (a JPEG in RGB or grey, without a colour profile) are started; the
 * finish stage prepares the others from the PDF.
 */
public final class PhotoHeadStart {

    /** What the workers made of a photo file, and for which placement. */
    record Early(boolean grey, PreparedPhotos.Prepared prepared) {
    }

    private final Map<String, CompletableFuture<Early>> byId = new LinkedHashMap<>();

    private PhotoHeadStart() {
    }

    /** No head start: the finish stage prepares every photo itself. */
    public static PhotoHeadStart none() {
        return new PhotoHeadStart();
    }

    /**
     * Starts preparing every plain JPEG photo placed in {@code placements} for the editions in
     * {@code opts}, each once, for its placement that needs the most pixels.
     */
    public static PhotoHeadStart start(List<RenderedIssue.PhotoPlacement> placements, EditionOptions opts) {
        PhotoHeadStart head = new PhotoHeadStart();
        boolean print = opts.editions().contains(Edition.PRINT);
        boolean screen = opts.editions().contains(Edition.EMAIL) || opts.editions().contains(Edition.PAGES)
                || opts.editions().contains(Edition.PREVIEWS);
        if (!print && !screen) {
            return head;
        }
        CompletableFuture<CmykTransform> transform = print
                ? Workers.start(() -> CmykTransform.of(CmykProfile.load(opts.cmykProfile()), new InkLimit(opts.inkLimit())))
                : CompletableFuture.completedFuture(null);
        Map<String, Path> files = new LinkedHashMap<>();
        for (RenderedIssue.PhotoPlacement p : placements) files.putIfAbsent(p.id(), p.photo().file());
        for (Map.Entry<String, Placement> e : Placement.largest(placements).entrySet()) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(files.get(e.getKey()));
            } catch (IOException ex) {
                continue; // the copy reader checked it; should it vanish now, the finish stage says so
            }
            Pixels.JpegFrame frame;
            try {
                frame = Pixels.JpegFrame.of(bytes);
            } catch (IOException notJpeg) {
                continue; // a PNG: the finish stage decodes it from the PDF
            }
            if (frame.components() != 1 && frame.components() != 3 || frame.icc()) continue;
            Placement p = e.getValue();
            head.byId.put(e.getKey(), Workers.then(transform, t -> prepare(bytes, frame, p, t, screen)));
        }
        return head;
    }

    /** Stops work not yet begun, when the build has failed before its finish stage. */
    public void cancel() {
        byId.values().forEach(w -> w.cancel(false));
    }

    /** The early work on the photo {@code id}, waited for; empty if there is none. */
    Optional<Early> find(String id) {
        CompletableFuture<Early> work = byId.get(id);
        if (work == null) return Optional.empty();
        try {
            return Optional.of(Workers.join(work));
        } catch (IOException | RuntimeException failed) {
            return Optional.empty(); // prepared again from the PDF, where a real fault is reported
        }
    }

    private static Early prepare(byte[] jpeg, Pixels.JpegFrame frame, Placement p, CmykTransform transform,
                                 boolean screen) throws IOException {
        PreparedPhotos.Source source = PreparedPhotos.Source.of(jpeg);
        boolean grey = frame.components() == 1;
        // a grey photo stays grey in print (DeviceGray is K only); an RGB one is separated
        PreparedPhotos.Prepared prepared = PreparedPhotos.prepare(source, true, p, grey ? null : transform, screen,
                jpeg.length);
        return new Early(grey, prepared);
    }
}
