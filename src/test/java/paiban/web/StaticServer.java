package paiban.web;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** Any static web server: the JDK's own, on loopback, serving a folder as it is; it counts what it sends. */
final class StaticServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    StaticServer(Path folder) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var context = server.createContext("/", SimpleFileServer.createFileHandler(folder.toAbsolutePath().normalize()));
        context.getFilters().add(Filter.afterHandler("counts the bytes sent", exchange -> {
            requests.incrementAndGet();
            String length = exchange.getResponseHeaders().getFirst("Content-length");
            if (length != null) bytes.addAndGet(Long.parseLong(length));
        }));
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    /** Bytes of response bodies sent so far. */
    long bytes() {
        return bytes.get();
    }

    long requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
