package dev.apigwinsights.insights;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Plain-Java answers to the catalog's questions, written from each insight's question and not from
 * its SQL: the oracle every DuckDB result is compared with. Helpers here mirror SQL semantics where
 * they must (nulls sort last, aggregates skip nulls, a rate over no rows is null).
 */
final class Oracle {

    /** One expected result: rows of values in column order. */
    @FunctionalInterface
    interface Answer {
        List<List<Object>> answer(Input in);
    }

    /** What an oracle sees: all fixture rows, the parameters, and "now" (the catalog's clock). */
    record Input(List<FixtureRow> all, InsightParams params, Instant now) {

        /** Rows in the range (if any) that match every filter. */
        List<FixtureRow> rows() {
            return all.stream().filter(r -> inRange(r) && matchesFilters(r)).toList();
        }

        /** Rows matching every filter, whatever their time. */
        List<FixtureRow> filteredOnly() {
            return all.stream().filter(this::matchesFilters).toList();
        }

        boolean inRange(FixtureRow r) {
            return params.range().map(tr -> !r.time().isBefore(tr.from()) && r.time().isBefore(tr.to())).orElse(true);
        }

        boolean matchesFilters(FixtureRow r) {
            for (Map.Entry<Filter, List<Object>> e : params.filters().entrySet()) {
                if (!matches(r, e.getKey(), e.getValue())) {
                    return false;
                }
            }
            return true;
        }

        /** The grain a time bucket gets: the override, else the catalog's AUTO rule, written again here. */
        ChronoUnitGrain grain() {
            TimeGrain g = params.grain().orElse(TimeGrain.AUTO);
            if (g != TimeGrain.AUTO) {
                return ChronoUnitGrain.valueOf(g.name());
            }
            if (params.range().isEmpty()) {
                return ChronoUnitGrain.DAY;
            }
            Duration d = params.range().get().length();
            if (d.toMinutes() <= 360) {
                return ChronoUnitGrain.MINUTE;
            }
            if (d.toHours() <= 72) {
                return ChronoUnitGrain.HOUR;
            }
            return d.toDays() <= 92 ? ChronoUnitGrain.DAY : ChronoUnitGrain.WEEK;
        }

        int limit(int insightDefault) {
            return params.limit().orElse(insightDefault);
        }
    }

    /** Time truncation, written independently of {@link TimeGrain#truncate}. */
    enum ChronoUnitGrain {
        MINUTE, HOUR, DAY, WEEK, MONTH;

        Instant truncate(Instant t) {
            ZonedDateTime z = t.atZone(ZoneOffset.UTC);
            switch (this) {
                case MINUTE:
                    return z.truncatedTo(ChronoUnit.MINUTES).toInstant();
                case HOUR:
                    return z.truncatedTo(ChronoUnit.HOURS).toInstant();
                case DAY:
                    return z.truncatedTo(ChronoUnit.DAYS).toInstant();
                case WEEK:
                    return z.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toInstant();
                default:
                    return z.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).toInstant();
            }
        }
    }

    private Oracle() {
    }

    static boolean matches(FixtureRow r, Filter f, List<Object> values) {
        switch (f) {
            case API:
                return has(values, r.str("api_id"));
            case API_TYPE:
                return has(values, r.str("api_type"));
            case STAGE:
                return has(values, r.str("stage"));
            case DOMAIN:
                return has(values, r.str("domain_name"));
            case ROUTE:
                return has(values, r.route());
            case HTTP_METHOD:
                return has(values, r.str("http_method"));
            case STATUS_CLASS:
                return has(values, r.str("status_class"));
            case STATUS:
                return has(values, r.lng("status"));
            case ERROR_SIGNATURE:
                return has(values, r.str("error_signature"));
            case USAGE_PLAN:
                return has(values, r.str("usage_plan_name")) || has(values, r.str("usage_plan_id"));
            case CUSTOMER:
                return has(values, r.str("customer_id"));
            case API_KEY:
                return has(values, r.str("api_key_id")) || has(values, r.str("api_key_name"));
            case CLIENT_IP:
                return has(values, r.str("source_ip"));
            case USER:
                return has(values, r.str("user_arn")) || has(values, r.str("user")) || has(values, r.str("caller"))
                        || has(values, r.str("claims_sub")) || has(values, r.str("cognito_identity_id"));
            case AUTH_METHOD:
                return has(values, r.str("auth_method"));
            case COUNTRY:
                return has(values, r.str("client_country"));
            case REQUEST_ID:
                return has(values, r.str("request_id"));
            default:
                throw new AssertionError("the oracle does not know filter " + f + ": add it");
        }
    }

    /** SQL's {@code x IN (values)}: a null x never matches. */
    private static boolean has(List<Object> values, Object x) {
        return x != null && values.contains(x);
    }

    // ---- aggregation helpers -------------------------------------------------------------------

    /** Groups rows by a key (nulls allowed), in first-seen order. */
    static Map<List<Object>, List<FixtureRow>> group(List<FixtureRow> rows, Function<FixtureRow, List<Object>> key) {
        Map<List<Object>, List<FixtureRow>> groups = new LinkedHashMap<>();
        for (FixtureRow r : rows) {
            groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    static List<Object> key(Object... values) {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    static List<Object> row(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    static long count(List<FixtureRow> rows, Predicate<FixtureRow> p) {
        return rows.stream().filter(p).count();
    }

    /** 100 * matching / total, null for no rows (SQL: nullif(count, 0)). */
    static Double rate(long matching, long total) {
        return total == 0 ? null : 100.0 * matching / total;
    }

    static List<Long> values(List<FixtureRow> rows, String column) {
        return rows.stream().map(r -> r.lng(column)).filter(Objects::nonNull).toList();
    }

    static Long sum(List<Long> values) {
        return values.isEmpty() ? null : values.stream().mapToLong(Long::longValue).sum();
    }

    static Double avg(List<Long> values) {
        return values.isEmpty() ? null : values.stream().mapToLong(Long::longValue).average().orElseThrow();
    }

    static <T> Long longOf(List<T> items, ToLongFunction<T> f) {
        return items.stream().mapToLong(f).sum();
    }

    /**
     * The {@code q} quantile with linear interpolation between closest ranks (DuckDB's
     * {@code quantile_cont}, numpy's default): position {@code (n - 1) * q}.
     */
    static Double percentile(List<Long> values, double q) {
        return percentileOf(values.stream().map(Long::doubleValue).toList(), q);
    }

    static Double percentileOf(List<Double> values, double q) {
        if (values.isEmpty()) {
            return null;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double pos = (sorted.length - 1) * q;
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    /** One row per group: the key's values, then {@code measures} of the group's rows. */
    static List<List<Object>> agg(List<FixtureRow> rows, Function<FixtureRow, List<Object>> key,
                                  Function<List<FixtureRow>, List<Object>> measures) {
        List<List<Object>> out = new ArrayList<>();
        group(rows, key).forEach((k, g) -> {
            List<Object> r = new ArrayList<>(k);
            r.addAll(measures.apply(g));
            out.add(r);
        });
        return out;
    }

    /** The {@code q} quantile of a column's non-null values in {@code rows}. */
    static Double pct(List<FixtureRow> rows, String column, double q) {
        return percentile(values(rows, column), q);
    }

    static Double avgOf(List<FixtureRow> rows, String column) {
        return avg(values(rows, column));
    }

    static long distinct(List<FixtureRow> rows, Function<FixtureRow, Object> value) {
        return rows.stream().map(value).filter(Objects::nonNull).distinct().count();
    }

    static Instant first(List<FixtureRow> rows) {
        return rows.stream().map(FixtureRow::time).min(Instant::compareTo).orElse(null);
    }

    static Instant last(List<FixtureRow> rows) {
        return rows.stream().map(FixtureRow::time).max(Instant::compareTo).orElse(null);
    }

    static boolean isError(FixtureRow r) {
        return r.str("error_category") != null;
    }

    /** {@code 0..n-1}: every column as a tie-breaker. */
    static List<Integer> upTo(int n) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }

    // ---- ordering -----------------------------------------------------------------------------

    /** Compares one column, nulls last whatever the direction (as the catalog's SQL says). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Comparator<List<Object>> by(int column, boolean descending) {
        return (a, b) -> {
            Object x = a.get(column);
            Object y = b.get(column);
            if (x == null || y == null) {
                return x == null ? (y == null ? 0 : 1) : -1;
            }
            int c = ((Comparable) x).compareTo(y);
            return descending ? -c : c;
        };
    }

    static Comparator<List<Object>> asc(int column) {
        return by(column, false);
    }

    static Comparator<List<Object>> desc(int column) {
        return by(column, true);
    }

    /** Sorts by {@code first}, then by every column ascending (the catalog's tie-breakers), and cuts to {@code limit} (0: all). */
    static List<List<Object>> sorted(List<List<Object>> rows, int limit, List<Integer> tieBreakers, Comparator<List<Object>> first) {
        Comparator<List<Object>> order = first;
        for (int c : tieBreakers) {
            order = order.thenComparing(asc(c));
        }
        List<List<Object>> sorted = new ArrayList<>(rows);
        sorted.sort(order);
        return limit > 0 && sorted.size() > limit ? sorted.subList(0, limit) : sorted;
    }
}
