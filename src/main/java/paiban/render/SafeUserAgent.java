package paiban.render;

import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextUserAgent;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Flying Saucer's user agent, narrowed: it opens only local files inside the layout and issue
 * folders. Every other URL (http, ftp, jar, a file elsewhere) is refused and remembered, so that the
 * build can fail naming it instead of printing a page with a hole.
 */
final class SafeUserAgent extends ITextUserAgent {

    private final List<Path> roots;
    private final List<String> refused = new ArrayList<>();

    SafeUserAgent(ITextOutputDevice device, int dotsPerPixel, List<Path> roots) {
        super(device, dotsPerPixel);
        this.roots = roots.stream().map(SafeUserAgent::real).toList();
    }

    /** Flying Saucer's own default stylesheet, inside its jar: the one resource outside the folders we read. */
    private static final String DEFAULT_CSS = String.valueOf(
            org.xhtmlrenderer.simple.extend.XhtmlNamespaceHandler.class.getResource("/resources/css/XhtmlNamespaceHandler.css"));

    @Override
    protected InputStream openStream(String uri) throws IOException {
        if (uri.equals(DEFAULT_CSS)) return super.openStream(uri);
        Path p = allowed(uri);
        if (p == null) {
            synchronized (refused) {
                refused.add(uri);
            }
            throw new IOException("paiban refuses to read " + uri);
        }
        return Files.newInputStream(p);
    }

    @Override
    protected java.net.URLConnection openConnection(String uri) throws IOException {
        if (uri.equals(DEFAULT_CSS)) return super.openConnection(uri);
        synchronized (refused) {
            refused.add(uri);
        }
        throw new IOException("paiban opens no connections: " + uri);
    }

    List<String> refused() {
        synchronized (refused) {
            return List.copyOf(refused);
        }
    }

    private Path allowed(String uri) {
        try {
            URI u = new URI(uri);
            if (!"file".equals(u.getScheme())) return null;
            Path p = Path.of(u).toAbsolutePath().normalize();
            if (!Files.exists(p)) return null;
            Path real = p.toRealPath();
            for (Path root : roots) if (real.startsWith(root)) return real;
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
