package dev.apigwinsights.local.dashboard;

import dev.apigwinsights.insights.Filter;
import dev.apigwinsights.insights.InsightParameterException;
import dev.apigwinsights.insights.InsightParams;
import dev.apigwinsights.insights.TimeGrain;
import dev.apigwinsights.insights.TimeRange;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The query parameters of {@code GET /api/insights/{id}} turned into {@link InsightParams}:
 * {@code from} and {@code to} (ISO dates or date-times, UTC unless a zone is given), {@code grain},
 * {@code limit}, and any filter by its key or column name ({@code route=/orders}, repeated values
 * OR-ed). Everything is checked here or by the catalog, and every problem is an
 * {@link InsightParameterException} whose message can be shown to the user as it is.
 */
public final class InsightRequest {

    /** Parameters that are not filters. */
    static final Set<String> KNOWN = Set.of("from", "to", "grain", "limit");

    private InsightRequest() {
    }

    /** Parses {@code parameters} (name to values, in request order); {@code except} is left out (suggestions). */
    public static InsightParams parse(Map<String, List<String>> parameters, Filter except) {
        InsightParams.Builder b = InsightParams.builder();
        Instant from = single(parameters, "from") == null ? null : TimeRange.parseInstant(single(parameters, "from"));
        Instant to = single(parameters, "to") == null ? null : TimeRange.parseInstant(single(parameters, "to"));
        if ((from == null) != (to == null)) {
            throw new InsightParameterException("give both from and to, or neither");
        }
        if (from != null) {
            b.range(TimeRange.of(from, to));
        }
        String grain = single(parameters, "grain");
        if (grain != null) {
            b.grain(grain(grain));
        }
        String limit = single(parameters, "limit");
        if (limit != null) {
            try {
                b.limit(Integer.parseInt(limit.trim()));
            } catch (NumberFormatException e) {
                throw new InsightParameterException("limit: '" + limit + "' is not a whole number");
            }
        }
        for (Map.Entry<String, List<String>> e : parameters.entrySet()) {
            if (KNOWN.contains(e.getKey())) {
                continue;
            }
            Filter filter = Filter.byName(e.getKey()).orElseThrow(() -> new InsightParameterException(
                    "unknown parameter '" + e.getKey() + "'; use from, to, grain, limit or a filter: " + String.join(", ", Filter.keys())));
            if (filter == except) {
                continue;
            }
            for (String value : e.getValue()) {
                b.filter(filter, value);
            }
        }
        return b.build();
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new InsightParameterException(name + " given " + values.size() + " times");
        }
        String v = values.get(0);
        if (v == null || v.isBlank()) {
            throw new InsightParameterException(name + ": empty value");
        }
        return v;
    }

    private static TimeGrain grain(String text) {
        for (TimeGrain g : TimeGrain.values()) {
            if (g.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return g;
            }
        }
        throw new InsightParameterException("grain: '" + text + "' is not one of minute, hour, day, week, month, auto");
    }
}
