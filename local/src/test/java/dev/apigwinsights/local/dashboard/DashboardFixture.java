package dev.apigwinsights.local.dashboard;

import dev.apigwinsights.insights.Insights;
import dev.apigwinsights.local.LocalWiring;
import dev.apigwinsights.local.demo.DemoTraffic;
import dev.apigwinsights.local.ingest.Ingest;
import dev.apigwinsights.local.ingest.InputFiles;
import dev.apigwinsights.local.ingest.Progress;
import dev.apigwinsights.local.store.LocalStore;
import dev.apigwinsights.local.store.StoreLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A store the dashboard tests share: three days of the demo's generated traffic (REST, HTTP and
 * WebSocket APIs, customers on usage plans, a quota, throttling, an incident), ingested through the
 * real path (Firehose simulator, transformer, enrichment, Parquet store). Built once per test JVM.
 * {@code -Dapigw.dashboard.data=DIR} points the tests at another store instead (a demo or a 10M
 * store, for screenshots and timings).
 */
public final class DashboardFixture {
    /** The end of the generated window; the clock every test uses. */
    public static final Instant END = Instant.parse("2024-03-10T12:00:00Z");
    public static final Clock CLOCK = Clock.fixed(END, ZoneOffset.UTC);
    static final int DAYS = 3;

    private static Path store;

    private DashboardFixture() {
    }

    /** The store's data directory. */
    public static synchronized Path store() {
        String given = System.getProperty("apigw.dashboard.data");
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        if (store == null) {
            try {
                Path dir = Files.createTempDirectory("dashboard-fixture");
                DemoTraffic.Result generated = new DemoTraffic(7, DAYS, END).writeTo(dir);
                new Ingest(LocalWiring.create(LocalWiring.environment(Map.of(), generated.usagePlans().toString(), null), CLOCK).transformer(), CLOCK,
                        InputStream.nullInputStream())
                        .run(dir, InputFiles.expand(List.of(generated.inputDir().toString()), new StoreLayout(dir)),
                                Ingest.Options.defaults(), Progress.none());
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                store = dir;
            } catch (Exception e) {
                throw new IllegalStateException("cannot build the dashboard fixture store", e);
            }
        }
        return store;
    }

    /** True when the tests run on the generated fixture (so its known facts hold). */
    static boolean isGenerated() {
        String given = System.getProperty("apigw.dashboard.data");
        return given == null || given.isBlank();
    }

    /** A running server over the fixture on a free loopback port; close both when done. */
    static Running serve() throws Exception {
        LocalStore open = LocalStore.open(store());
        StoreQueries queries = new StoreQueries(open, Insights.standard(CLOCK), 4);
        DashboardServer server = DashboardServer.start(new InsightAnswers(queries), "127.0.0.1", 0);
        return new Running(open, queries, server);
    }

    /** A server with its store. */
    record Running(LocalStore store, StoreQueries queries, DashboardServer server) implements AutoCloseable {
        @Override
        public void close() throws java.sql.SQLException {
            server.close();
            queries.close();
            store.close();
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
