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
    void theSharedTemplateIsFullyBuiltBeforeBuildsCloneIt() {
        Layout layout = LayoutLoader.load(Path.of("layouts"), "tabloid", FontBook.of(Path.of("fonts")));
        // a parser's deferred DOM grows nodes when they are first read, which parallel clones would race on
        String impl = layout.template().getClass().getName();
        org.junit.jupiter.api.Assertions.assertFalse(impl.contains("Deferred"), impl);
    }
}
