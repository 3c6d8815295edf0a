package dev.apigwinsights.insights;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one entry point to the insight catalog: list insights, render one as SQL for a dialect, or
 * run it on an engine and get typed rows. The CLI's {@code query --insight}, the local dashboard's
 * HTTP API, the report Lambda and the generators of QuickSight, named queries and docs all go
 * through here.
 *
 * <pre>{@code
 * Insights insights = Insights.standard(Clock.systemUTC());
 * InsightParams params = InsightParams.builder()
 *         .range(TimeRange.of(from, to))
 *         .filter("status_class=5xx")            // CLI --filter, checked and bound
 *         .build();
 * QueryResult result = insights.run("top_error_signatures", JdbcQueryRunner.duckDb(connection), params);
 * for (QueryResult.Row row : result.rows()) {
 *     row.getString("error_signature"); row.getLong("requests");
 * }
 * }</pre>
 *
 * The clock only anchors insights that need a window when the caller gives no range (error
 * budget, burn rates, anomalies, period comparison): they end "now".
 */
public final class Insights {

    private final Map<String, Insight> byId;
    private final Clock clock;

    public Insights(List<Insight> insights, Clock clock) {
        Objects.requireNonNull(insights, "insights");
        this.clock = Objects.requireNonNull(clock, "clock");
        Map<String, Insight> map = new LinkedHashMap<>();
        for (Insight i : insights) {
            if (map.put(i.id(), i) != null) {
                throw new IllegalArgumentException("duplicate insight id " + i.id());
            }
        }
        this.byId = Collections.unmodifiableMap(map);
    }

    /** The standard catalog ({@link InsightCatalog#all()}). */
    public static Insights standard(Clock clock) {
        return new Insights(InsightCatalog.all(), clock);
    }

    /** Every insight, sheet by sheet in {@link Sheet} order, in catalog order within a sheet. */
    public List<Insight> list() {
        List<Insight> sorted = new ArrayList<>(byId.values());
        sorted.sort((a, b) -> Integer.compare(a.sheet().ordinal(), b.sheet().ordinal()));
        return List.copyOf(sorted);
    }

    /** The insights of one sheet, in catalog order. */
    public List<Insight> list(Sheet sheet) {
        return byId.values().stream().filter(i -> i.sheet() == sheet).toList();
    }

    public Optional<Insight> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The insight {@code id}; an unknown id fails with the closest known ids in the message. */
    public Insight get(String id) {
        Insight insight = byId.get(id);
        if (insight == null) {
            throw new InsightParameterException("unknown insight '" + id + "'" + suggestions(id) + "; `query --list` shows them all");
        }
        return insight;
    }

    /** The SQL of insight {@code id} for {@code dialect}, with {@code params} bound. */
    public SqlQuery render(String id, Dialect dialect, InsightParams params) {
        return render(get(id), dialect, params);
    }

    public SqlQuery render(Insight insight, Dialect dialect, InsightParams params) {
        return SqlRenderer.render(insight, dialect, params, clock.instant());
    }

    /** Runs insight {@code id} on {@code runner}'s engine and returns its typed rows. */
    public QueryResult run(String id, QueryRunner runner, InsightParams params) {
        Insight insight = get(id);
        return runner.run(render(insight, runner.dialect(), params), insight.columns());
    }

    /** Ids that contain what was typed, or that it contains, or that share its first two words. */
    private String suggestions(String id) {
        String typed = id.toLowerCase(java.util.Locale.ROOT);
        String[] words = typed.split("_");
        String stem = words.length >= 2 ? words[0] + "_" + words[1] : typed;
        List<String> close = byId.keySet().stream()
                .filter(k -> k.contains(typed) || typed.contains(k) || k.startsWith(stem))
                .limit(5).toList();
        return close.isEmpty() ? "" : " (did you mean " + String.join(", ", close) + "?)";
    }
}
