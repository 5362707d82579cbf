package paiban.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paiban.render.Layout;
import paiban.render.LayoutLoader;
import paiban.typeset.FontBook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Builds that start together share one load of the fonts and of the layout. */
class OncePerProcessTest {

    @TempDir
    Path dir;

    @Test
    void fontsAndLayoutAskedForByBuildsAtOnceAreLoadedOnce() throws Exception {
        // a fonts folder of its own, so that this process has not loaded it yet
        Path fonts = Files.createDirectories(dir.resolve("fonts"));
        Files.copy(Path.of("fonts/fonts.yaml"), fonts.resolve("fonts.yaml"));
        Path layouts = Path.of("layouts");

        int builds = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(builds);
        try {
            List<Future<Layout>> loads = new ArrayList<>();
            for (int i = 0; i < builds; i++) {
                loads.add(pool.submit(() -> {
                    start.await();
                    return LayoutLoader.load(layouts, "tabloid", FontBook.of(fonts));
                }));
            }
            start.countDown();
            Layout first = loads.getFirst().get();
            for (Future<Layout> f : loads) {
                Layout l = f.get();
                assertSame(first, l, "one layout for every build");
                assertSame(first.fonts(), l.fonts(), "one font book for every build");
                assertSame(first.template(), l.template(), "one parsed template for every build");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSharedTemplateClonesTheSameOnEveryThreadAtOnce() throws Exception {
        // Builds running side by side clone the one shared template. A DOM that still grows its nodes
        // when they are first read would race there, and some clones would come out short or throw; so
        // the clones below are the first reads of a freshly loaded template.
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 6; round++) {
                Path layouts = dir.resolve("layouts-" + round);
                Files.createDirectories(layouts.resolve("tabloid"));
                for (String f : List.of("page.xhtml", "layout.css")) {
                    Files.copy(Path.of("layouts/tabloid", f), layouts.resolve("tabloid").resolve(f));
                }
                Layout layout = LayoutLoader.load(layouts, "tabloid", FontBook.of(Path.of("fonts")));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> clones = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    clones.add(pool.submit(() -> {
                        start.await();
                        return serialise((org.w3c.dom.Document) layout.template().cloneNode(true));
                    }));
                }
                start.countDown();
                List<String> got = new ArrayList<>();
                for (Future<String> f : clones) got.add(f.get());
                String expected = serialise((org.w3c.dom.Document) layout.template().cloneNode(true));
                for (String g : got) assertEquals(expected, g);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String serialise(org.w3c.dom.Document d) throws Exception {
        var out = new java.io.StringWriter();
        javax.xml.transform.TransformerFactory.newInstance().newTransformer()
                .transform(new javax.xml.transform.dom.DOMSource(d), new javax.xml.transform.stream.StreamResult(out));
        return out.toString();
    }
}
