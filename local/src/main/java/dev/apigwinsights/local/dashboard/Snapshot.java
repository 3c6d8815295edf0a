package dev.apigwinsights.local.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwinsights.insights.Insight;
import dev.apigwinsights.insights.InsightParameterException;
import dev.apigwinsights.insights.InsightParams;
import dev.apigwinsights.insights.TimeRange;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The {@code dashboard} command's self-contained page: every insight of the catalog answered once
 * for one time range (and the previous period of equal length for the plain KPI insights), embedded
 * in the page with the catalog itself. The page can then show every sheet offline and narrow
 * embedded rows (a drill-down, a time sub-range of a time series); whatever would need a new query
 * it marks as needing {@code serve}.
 */
public final class Snapshot {

    private final InsightAnswers answers;
    private final Clock clock;
    private final int threads;

    public Snapshot(InsightAnswers answers, Clock clock, int threads) {
        this.answers = answers;
        this.clock = clock;
        this.threads = threads;
    }

    /** The range a snapshot covers by default: the store's whole days up to its last request's hour. */
    public static Optional<TimeRange> storeRange(StoreQueries.StoreSummary store) {
        if (store.first().isEmpty()) {
            return Optional.empty();
        }
        Instant from = store.first().get().truncatedTo(ChronoUnit.DAYS);
        Instant to = store.last().get().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        return Optional.of(TimeRange.of(from, to));
    }

    /** The boot JSON of the standalone page for {@code range} (null: the whole store). */
    public ObjectNode build(TimeRange range) throws SQLException, InterruptedException {
        StoreQueries.StoreSummary store = answers.queries().summary();
        TimeRange window = range != null ? range : storeRange(store)
                .orElseGet(() -> TimeRange.ending(clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)), Duration.ofDays(1)));
        ObjectNode boot = HtmlSafeJson.object().put("mode", "snapshot").put("generatedAt", clock.instant().toString());
        boot.set("catalog", CatalogJson.of(answers.queries().insights()));
        boot.set("store", StoreJson.of(store));
        boot.putObject("range").put("from", window.from().toString()).put("to", window.to().toString());
        TimeRange previous = window.previous();
        boot.putObject("previousRange").put("from", previous.from().toString()).put("to", previous.to().toString());

        Map<String, Future<ObjectNode>> current = new LinkedHashMap<>();
        Map<String, Future<ObjectNode>> before = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "snapshot");
            t.setDaemon(true);
            return t;
        });
        try {
            InsightParams now = InsightParams.builder().range(window).build();
            InsightParams then = InsightParams.builder().range(previous).build();
            List<Insight> all = new ArrayList<>(answers.queries().insights().list());
            for (Insight i : all) {
                current.put(i.id(), pool.submit(() -> answerOrFailure(i, now)));
                if (CatalogJson.comparable(i)) {
                    before.put(i.id(), pool.submit(() -> answerOrFailure(i, then)));
                }
            }
            boot.set("answers", collect(current));
            boot.set("previous", collect(before));
        } finally {
            pool.shutdownNow();
        }
        return boot;
    }

    private ObjectNode answerOrFailure(Insight insight, InsightParams params) {
        try {
            return answers.answer(insight, params);
        } catch (InsightAnswers.Unanswerable e) {
            return ResultJson.unavailable(insight.id(), e.reason(), e.getMessage());
        } catch (InsightParameterException e) {
            return ResultJson.unavailable(insight.id(), "bad_parameter", e.getMessage());
        }
    }

    private static ObjectNode collect(Map<String, Future<ObjectNode>> futures) throws InterruptedException {
        ObjectNode n = HtmlSafeJson.object();
        for (Map.Entry<String, Future<ObjectNode>> e : futures.entrySet()) {
            try {
                n.set(e.getKey(), e.getValue().get());
            } catch (ExecutionException ex) {
                Throwable cause = ex.getCause();
                throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
            }
        }
        return n;
    }
}
