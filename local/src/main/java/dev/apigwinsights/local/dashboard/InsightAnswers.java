package dev.apigwinsights.local.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwinsights.insights.Insight;
import dev.apigwinsights.insights.InsightParameterException;
import dev.apigwinsights.insights.InsightParams;
import dev.apigwinsights.insights.QueryException;
import dev.apigwinsights.insights.QueryResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one insight as JSON for the server and the snapshot alike. A bad parameter is the
 * caller's problem ({@link InsightParameterException}, thrown on); an engine failure becomes an
 * {@link Unanswerable} with a message fit for the page, never the engine's text or SQL: a column
 * the store lacks (a store written before that column existed) is named, anything else is logged
 * here and reported as a failed query.
 */
public final class InsightAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(InsightAnswers.class);
    /** DuckDB's binder message for a column the view does not have. */
    private static final Pattern MISSING_COLUMN = Pattern.compile("Referenced column \"?([a-z_][a-z0-9_]*)\"? not found");

    /** Recent answers, least recently used dropped first; small JSON trees, a few hundred at most. */
    private static final int CACHED_ANSWERS = 512;

    private final StoreQueries queries;
    private final Map<String, ObjectNode> cache = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ObjectNode> eldest) {
            return size() > CACHED_ANSWERS;
        }
    };

    public InsightAnswers(StoreQueries queries) {
        this.queries = queries;
    }

    public StoreQueries queries() {
        return queries;
    }

    /**
     * The answer of {@code insight} as {@link ResultJson}, or {@link Unanswerable}. Answers are kept
     * while the store is unchanged ({@link StoreQueries#fingerprint()}): a view seen before (a
     * shared link, a filter taken off again, a second reader) costs no query.
     */
    public ObjectNode answer(Insight insight, InsightParams params) {
        String key = queries.fingerprint() + "|" + insight.id() + "|" + key(params);
        synchronized (cache) {
            ObjectNode hit = cache.get(key);
            if (hit != null) {
                return hit.deepCopy().put("cached", true);
            }
        }
        ObjectNode answer = compute(insight, params);
        synchronized (cache) {
            cache.put(key, answer);
        }
        return answer.deepCopy();
    }

    /** Everything an HTTP request can set, as JSON (so no filter value can pass for another key). */
    private static String key(InsightParams p) {
        com.fasterxml.jackson.databind.node.ArrayNode k = HtmlSafeJson.mapper().createArrayNode();
        k.add(p.range().map(r -> r.from() + "/" + r.to()).orElse("-"));
        p.filters().forEach((f, values) -> {
            com.fasterxml.jackson.databind.node.ArrayNode v = k.addArray().add(f.key());
            values.forEach(x -> v.add(x.toString()));
        });
        k.add(p.grain().map(Enum::name).orElse("-"));
        k.add(p.limit().isPresent() ? p.limit().getAsInt() : -1);
        return k.toString();
    }

    private ObjectNode compute(Insight insight, InsightParams params) {
        long start = System.nanoTime();
        QueryResult result;
        try {
            result = queries.run(insight, params);
        } catch (QueryException e) {
            Matcher m = MISSING_COLUMN.matcher(String.valueOf(e.getMessage()));
            if (m.find()) {
                throw new Unanswerable("missing_column", "this store has no " + m.group(1)
                        + " column: its data was written before that column existed; re-ingest the logs to fill it");
            }
            LOG.warn("insight {} failed: {}", insight.id(), e.getMessage());
            throw new Unanswerable("query_failed", "the query failed on this store (the server's log says why)");
        }
        return ResultJson.of(insight.id(), result, params.range(), (System.nanoTime() - start) / 1_000_000);
    }

    /** An insight the store cannot answer, with a reason code and a message for the page. */
    public static final class Unanswerable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String reason;

        Unanswerable(String reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
