package dev.apigwinsights.local.dashboard;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The {@code serve} command's HTTP server: Jetty's core server (no servlet layer) with one handler,
 * {@link DashboardRoutes}. It binds to loopback unless told otherwise; the dashboard has no login,
 * so anything that can reach the port can read the logs' aggregates.
 */
public final class DashboardServer implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final String host;

    private DashboardServer(Server server, ServerConnector connector, String host) {
        this.server = server;
        this.connector = connector;
        this.host = host;
    }

    /**
     * Starts serving {@code answers} on {@code host:port} ({@code port} 0 picks a free port).
     *
     * @throws Exception when the address cannot be bound (Jetty's own exception types)
     */
    public static DashboardServer start(InsightAnswers answers, String host, int port) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("dashboard");
        threads.setDaemon(true);
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new DashboardRoutes(answers, isLoopback(host)));
        server.setErrorHandler(new DashboardRoutes.PlainErrors());
        server.setStopTimeout(2_000);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new DashboardServer(server, connector, host);
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8080/}. */
    public URI url() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        if (h.equals("0.0.0.0") || h.equals("[::]")) {
            h = "127.0.0.1";
        }
        return URI.create("http://" + h + ":" + connector.getLocalPort() + "/");
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Blocks until the server stops (Ctrl-C). */
    public void join() throws InterruptedException {
        server.join();
    }

    public static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Stops the server (waiting up to two seconds for requests in flight). */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the dashboard server", e);
        }
    }
}
