package dev.apigwinsights.reports;

import dev.apigwinsights.insights.InsightParams;
import dev.apigwinsights.insights.Insights;
import dev.apigwinsights.insights.QueryException;
import dev.apigwinsights.insights.QueryResult;
import dev.apigwinsights.insights.QueryRunner;
import dev.apigwinsights.insights.TimeRange;
import dev.apigwinsights.reports.layout.Block;
import dev.apigwinsights.reports.layout.Kpi;
import dev.apigwinsights.reports.layout.Section;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the catalog every question a report's layout names, through one {@link QueryRunner}: the
 * same runner, the same SQL and so the same numbers as {@code query --insight}, the dashboards and
 * the Athena named queries. A run that fails fails the report with the insight's id: a report with
 * a silently missing section would be worse than none.
 */
public final class ReportBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(ReportBuilder.class);

    private final Insights insights;
    private final QueryRunner runner;
    private final int parallelism;
    private final Clock clock;

    /**
     * @param parallelism how many insights run at once: 1 for a runner that is not thread-safe
     *                    (JDBC), more for Athena, whose queries mostly wait
     */
    public ReportBuilder(Insights insights, QueryRunner runner, int parallelism, Clock clock) {
        this.insights = Objects.requireNonNull(insights, "insights");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        this.parallelism = parallelism;
    }

    public Insights insights() {
        return insights;
    }

    /** Every run the request's layout needs, each once, in order of appearance. */
    public static Set<InsightRun> runsOf(ReportRequest request) {
        Set<InsightRun> runs = new LinkedHashSet<>();
        for (Section section : request.layout().sections()) {
            for (Block block : section.blocks()) {
                runs.addAll(runsOf(block, request));
            }
        }
        return runs;
    }

    static List<InsightRun> runsOf(Block block, ReportRequest request) {
        List<InsightRun> runs = new ArrayList<>();
        if (block instanceof Block.KpiStrip strip) {
            for (Kpi k : strip.kpis()) {
                runs.add(InsightRun.current(k.insightId()));
                if (k.change() != Kpi.Change.NONE) {
                    runs.add(InsightRun.previous(k.insightId()));
                }
            }
        } else if (block instanceof Block.Chart chart) {
            runs.add(chartRun(chart, request));
        } else if (block instanceof Block.Table table) {
            if (!table.needsPrices() || request.hasPrices()) {
                runs.add(tableRun(table));
            }
        }
        return runs;
    }

    public static InsightRun chartRun(Block.Chart chart, ReportRequest request) {
        return new InsightRun(chart.insightId(), InsightRun.Span.CURRENT, chart.grain().resolve(request.period().range()), chart.limit());
    }

    public static InsightRun tableRun(Block.Table table) {
        return new InsightRun(table.insightId(), InsightRun.Span.CURRENT, null, table.limit());
    }

    /** Runs every insight of {@code request} and returns the answers. */
    public ReportData build(ReportRequest request) {
        request.layout().check(insights);
        if (request.layout().perCustomer() && request.customer().isEmpty()) {
            throw new IllegalArgumentException("the " + request.layout().id() + " report is per customer: give a customer id");
        }
        Set<InsightRun> runs = runsOf(request);
        Map<InsightRun, QueryResult> results = new LinkedHashMap<>();
        long started = System.nanoTime();
        if (parallelism == 1) {
            for (InsightRun run : runs) {
                results.put(run, execute(run, request));
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, runs.size()), r -> {
                Thread t = new Thread(r, "report-query");
                t.setDaemon(true);
                return t;
            });
            try {
                Map<InsightRun, Future<QueryResult>> futures = new LinkedHashMap<>();
                for (InsightRun run : runs) {
                    futures.put(run, pool.submit(() -> execute(run, request)));
                }
                for (Map.Entry<InsightRun, Future<QueryResult>> e : futures.entrySet()) {
                    results.put(e.getKey(), await(e.getValue()));
                }
            } finally {
                pool.shutdownNow();
            }
        }
        LOG.info("report {} ran {} insights in {} ms", request.layout().id(), runs.size(), (System.nanoTime() - started) / 1_000_000);
        return new ReportData(request, clock.instant(), results);
    }

    private QueryResult execute(InsightRun run, ReportRequest request) {
        TimeRange range = run.span() == InsightRun.Span.CURRENT ? request.period().range() : request.period().previous();
        InsightParams.Builder params = request.baseParams().range(range);
        if (run.grain() != null) {
            params.grain(run.grain());
        }
        if (run.limit() > 0) {
            params.limit(run.limit());
        }
        try {
            return insights.run(run.insightId(), runner, params.build());
        } catch (QueryException e) {
            throw new QueryException("insight " + run.insightId() + " (" + run.span().name().toLowerCase(java.util.Locale.ROOT)
                    + " period) failed: " + e.getMessage(), e);
        }
    }

    private static QueryResult await(Future<QueryResult> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the report's queries ran", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
