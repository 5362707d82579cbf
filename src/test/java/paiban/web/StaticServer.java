package paiban.web;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/** Any static web server: the JDK's own, on loopback, serving a folder as it is. */
final class StaticServer implements AutoCloseable {

    private final HttpServer server;

    StaticServer(Path folder) {
        server = SimpleFileServer.createFileServer(new InetSocketAddress("127.0.0.1", 0),
                folder.toAbsolutePath().normalize(), SimpleFileServer.OutputLevel.NONE);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
