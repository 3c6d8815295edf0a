package dev.apigwinsights.quicksight.catalog;

import dev.apigwinsights.insights.Binding;
import dev.apigwinsights.insights.Dialect;
import dev.apigwinsights.insights.Insight;
import dev.apigwinsights.insights.InsightParams;
import dev.apigwinsights.insights.Insights;
import dev.apigwinsights.insights.SqlContext;
import dev.apigwinsights.insights.SqlQuery;
import dev.apigwinsights.insights.TimeRange;
import dev.apigwinsights.quicksight.DataSetSpec;
import dev.apigwinsights.quicksight.ParameterSpec;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An explicit-SQL insight's Athena SQL, as the catalog renders it, made into the query of a
 * custom-SQL data set that QuickSight runs whenever the dashboard is viewed. The catalog binds
 * every value as a {@code ?}; here each one becomes SQL text:
 * <ul>
 *   <li>a time the catalog derived from "now" (the insight's default window, or the dashboard's
 *       default window for an insight that has none) becomes the query time shifted the same way:
 *       plus an offset, or truncated to the hour or day and then shifted
 *       ({@link TimeForm}); the partition bounds derived from it ({@code year},
 *       {@code year-month-day}) are formatted from that same instant, so Athena still prunes
 *       partitions;</li>
 *   <li>an SLO target or threshold becomes a data-set parameter, {@code <<$Name>>}, which the
 *       dashboard's parameter of that name sets;</li>
 *   <li>any other value (a look-back in hours) stays the literal the catalog bound.</li>
 * </ul>
 * Which binding is which is not guessed from names alone: the insight is rendered at five clocks
 * (years, days, hours and milliseconds apart, at and just after midnight and New Year), and a time must follow the clock
 * by one {@link TimeForm} at all of them; the parameters must be exactly the bindings that change
 * when the SLO settings do. Anything else fails the generator. The table is named through {@code Fn::Sub}:
 * {@code "${GlueDatabase}"."${GlueTable}"}.
 */
final class NowRelativeSql {

    /** The query's time in UTC, as the catalog's {@code timestamp} literals are. */
    static final String NOW = "CAST(current_timestamp AT TIME ZONE 'UTC' AS timestamp(3))";

    /** The dashboard parameters explicit insights take, by the catalog's binding name. */
    static final Map<String, Setting> SETTINGS = settings();

    /** A catalog setting that becomes a dashboard parameter. */
    record Setting(String parameter, ParameterSpec.NumberKind kind, double defaultValue, String title,
                   BiFunction<InsightParams, Double, InsightParams> withValue) {
    }

    private static Map<String, Setting> settings() {
        Map<String, Setting> map = new LinkedHashMap<>();
        map.put("availability_target_pct", new Setting("AvailabilityTargetPct", ParameterSpec.NumberKind.DECIMAL,
                InsightParams.DEFAULT_AVAILABILITY_TARGET_PCT, "Availability target (%)",
                (p, v) -> p.toBuilder().availabilityTargetPct(v).build()));
        map.put("latency_threshold_ms", new Setting("LatencyThresholdMs", ParameterSpec.NumberKind.INTEGER,
                InsightParams.DEFAULT_LATENCY_THRESHOLD_MS, "Latency threshold (ms)",
                (p, v) -> p.toBuilder().latencyThresholdMs(Math.round(v)).build()));
        map.put("latency_target_pct", new Setting("LatencyTargetPct", ParameterSpec.NumberKind.DECIMAL,
                InsightParams.DEFAULT_LATENCY_TARGET_PCT, "Latency target (%)",
                (p, v) -> p.toBuilder().latencyTargetPct(v).build()));
        return java.util.Collections.unmodifiableMap(map);
    }

    /**
     * Clocks the insight is rendered at: every calendar field differs; one is exactly midnight and
     * one exactly New Year (a half-open window's last day, or year, is the one before); one is just
     * after New Year (windows span two years).
     */
    static final List<Instant> CLOCKS = List.of(
            Instant.parse("2023-03-14T09:26:53.589Z"),
            Instant.parse("2024-04-18T16:40:10.712Z"),
            Instant.parse("2024-07-01T00:00:00Z"),
            Instant.parse("2025-01-01T00:20:31.047Z"),
            Instant.parse("2026-01-01T00:00:00Z"));

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final Pattern TIMESTAMP_TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}");
    private static final Pattern DAY_TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern YEAR_TEXT = Pattern.compile("\\d{4}");
    private static final Pattern TABLE = Pattern.compile("\\b(FROM|JOIN)(\\s+)" + SqlContext.TABLE + "\\b");

    /**
     * What replaces one {@code ?}: the SQL text, and the value it has when the query runs at a
     * given time (with the settings at their defaults), which must be what the catalog binds when
     * rendered at that time.
     */
    sealed interface Value permits Literal, SettingValue, Time, PartitionBound {
        String sql();

        Object at(Instant clock);
    }

    /** A value the catalog binds whatever the time: its literal. */
    record Literal(Object value, String sql) implements Value {
        @Override
        public Object at(Instant clock) {
            return value;
        }
    }

    /** An SLO setting: the data-set parameter. */
    record SettingValue(Setting setting) implements Value {
        @Override
        public String sql() {
            return "CAST(<<$" + setting.parameter() + ">> AS " + (setting.kind() == ParameterSpec.NumberKind.INTEGER ? "bigint" : "double") + ")";
        }

        @Override
        public Object at(Instant clock) {
            return setting.kind() == ParameterSpec.NumberKind.INTEGER ? (Object) Math.round(setting.defaultValue()) : (Object) setting.defaultValue();
        }
    }

    /** A time following the clock, as the catalog's timestamp text. */
    record Time(TimeForm form) implements Value {
        @Override
        public String sql() {
            return "CAST(" + form.sql() + " AS varchar)";
        }

        @Override
        public Object at(Instant clock) {
            return TIMESTAMP.format(form.at(clock).atOffset(ZoneOffset.UTC));
        }
    }

    /** A partition bound: a time's year or day as text. */
    record PartitionBound(TimeForm form, boolean day) implements Value {
        @Override
        public String sql() {
            return "date_format(" + form.sql() + ", '" + (day ? "%Y-%m-%d" : "%Y") + "')";
        }

        @Override
        public Object at(Instant clock) {
            return DateTimeFormatter.ofPattern(day ? "yyyy-MM-dd" : "yyyy").format(form.at(clock).atOffset(ZoneOffset.UTC));
        }
    }

    /** The rendered query: SQL for {@code Fn::Sub}, its data-set parameters, and what its values and window are. */
    record Rendered(String sql, List<DataSetSpec.DataSetParameter> parameters, List<String> settings, List<Value> values,
                    Duration reach, boolean usesDashboardWindow) {

        /** The parameters the catalog is rendered with at {@code clock} to get this query's values. */
        InsightParams params(Instant clock) {
            return NowRelativeSql.params(clock, !usesDashboardWindow);
        }
    }

    private NowRelativeSql() {
    }

    /**
     * Renders {@code insight}; {@link InsightVisuals.NotShown} when its SQL depends on something a
     * QuickSight parameter cannot hold.
     */
    static Rendered render(Insight insight) {
        if (!render(insight, CLOCKS.get(0), InsightParams.none()).sql()
                .equals(render(insight, CLOCKS.get(0), InsightParams.builder().price("plan", 0.001).build()).sql())) {
            throw new InsightVisuals.NotShown("its SQL is built from the per-plan price list, which no QuickSight parameter can hold");
        }
        boolean ownWindow = render(insight, CLOCKS.get(0), InsightParams.none()).bindings().stream()
                .anyMatch(b -> b.value() instanceof String s && TIMESTAMP_TEXT.matcher(s).matches());
        List<SqlQuery> renders = new ArrayList<>();
        for (Instant clock : CLOCKS) {
            renders.add(render(insight, clock, params(clock, ownWindow)));
        }
        SqlQuery first = renders.get(0);
        for (SqlQuery other : renders) {
            if (!other.sql().equals(first.sql()) || !names(other).equals(names(first))) {
                throw new IllegalStateException(insight.id() + ": its SQL changes with the clock, not only its bound values");
            }
        }
        List<Integer> settingBindings = settingBindings(insight, first, params(CLOCKS.get(0), ownWindow));
        List<Value> values = new ArrayList<>();
        List<DataSetSpec.DataSetParameter> parameters = new ArrayList<>();
        List<String> settingsUsed = new ArrayList<>();
        List<TimeForm> times = new ArrayList<>();
        for (int i = 0; i < first.bindings().size(); i++) {
            Binding binding = first.bindings().get(i);
            if (settingBindings.contains(i)) {
                Setting setting = SETTINGS.get(binding.name());
                values.add(new SettingValue(setting));
                if (!settingsUsed.contains(binding.name())) {
                    settingsUsed.add(binding.name());
                    parameters.add(new DataSetSpec.DataSetParameter(setting.parameter(), setting.kind(), setting.defaultValue()));
                }
                continue;
            }
            int index = i;
            List<Object> atClocks = renders.stream().map(r -> r.bindings().get(index).value()).toList();
            if (atClocks.stream().distinct().count() == 1) {
                values.add(new Literal(binding.value(), first.athenaExecutionParameters().get(i)));
            } else if (TIMESTAMP_TEXT.matcher(String.valueOf(atClocks.get(0))).matches()) {
                TimeForm time = TimeForm.fit(insight, binding, atClocks.stream()
                        .map(v -> LocalDateTime.parse(String.valueOf(v), TIMESTAMP).toInstant(ZoneOffset.UTC)).toList());
                times.add(time);
                values.add(new Time(time));
            } else {
                values.add(null); // a partition bound, resolved below against the times
            }
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                int index = i;
                values.set(i, partitionBound(insight, first.bindings().get(i),
                        renders.stream().map(r -> String.valueOf(r.bindings().get(index).value())).toList(), timesFirst(first, values, i)));
            }
        }
        Duration reach = Duration.ZERO;
        for (TimeForm time : times) {
            for (Instant clock : CLOCKS) {
                Duration back = Duration.between(time.at(clock), clock);
                reach = back.compareTo(reach) > 0 ? back : reach;
            }
        }
        String sql = tableName(substitute(first.sql(), values.stream().map(Value::sql).toList()));
        return new Rendered(sql, parameters, settingsUsed, List.copyOf(values), reach, !ownWindow);
    }

    static SqlQuery render(Insight insight, Instant clock, InsightParams params) {
        return new Insights(List.of(insight), Clock.fixed(clock, ZoneOffset.UTC)).render(insight, Dialect.ATHENA, params);
    }

    /**
     * The query's times, the one a partition bound is named after first ({@code scan_to_day} goes
     * with {@code scan_to_time}): several may give the same bound at every clock, and the named one
     * is the one the catalog derived it from.
     */
    private static List<TimeForm> timesFirst(SqlQuery query, List<Value> values, int boundIndex) {
        String named = query.bindings().get(boundIndex).name().replaceAll("_(year|day)$", "_time");
        List<TimeForm> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) instanceof Time time) {
                if (query.bindings().get(i).name().equals(named)) {
                    out.add(0, time.form());
                } else {
                    out.add(time.form());
                }
            }
        }
        return out;
    }

    /** The insight's own default window, or the dashboard's default window ending at {@code clock} for one without. */
    static InsightParams params(Instant clock, boolean ownWindow) {
        return ownWindow ? InsightParams.none()
                : InsightParams.builder().range(TimeRange.ending(clock, InsightVisuals.DEFAULT_WINDOW)).build();
    }

    private static List<String> names(SqlQuery query) {
        return query.bindings().stream().map(Binding::name).toList();
    }

    /** The bindings that change, and only those, when an SLO setting does: they become parameters. */
    private static List<Integer> settingBindings(Insight insight, SqlQuery defaults, InsightParams base) {
        List<Integer> out = new ArrayList<>();
        for (Map.Entry<String, Setting> e : SETTINGS.entrySet()) {
            Setting setting = e.getValue();
            SqlQuery changed = render(insight, CLOCKS.get(0), setting.withValue().apply(base, setting.defaultValue() - 1));
            if (!changed.sql().equals(defaults.sql())) {
                throw new IllegalStateException(insight.id() + ": its SQL text changes with " + e.getKey());
            }
            for (int i = 0; i < defaults.bindings().size(); i++) {
                boolean differs = !changed.bindings().get(i).value().equals(defaults.bindings().get(i).value());
                boolean named = defaults.bindings().get(i).name().equals(e.getKey());
                if (differs != named) {
                    throw new IllegalStateException(insight.id() + ": binding " + i + " (" + defaults.bindings().get(i).name()
                            + ") " + (differs ? "changes with " + e.getKey() + " but is not named so" : "is named " + e.getKey()
                            + " but does not change with it"));
                }
                if (named) {
                    out.add(i);
                }
            }
        }
        return out;
    }

    /**
     * A partition bound (a year or a day as text): the format of one of the query's times (or one
     * millisecond before it, the last day of a half-open window) that gives the catalog's value at
     * every clock.
     */
    private static Value partitionBound(Insight insight, Binding binding, List<String> values, List<TimeForm> times) {
        boolean day = DAY_TEXT.matcher(values.get(0)).matches();
        if (!day && !YEAR_TEXT.matcher(values.get(0)).matches()) {
            throw new IllegalStateException(insight.id() + ": " + binding.name() + " = " + values.get(0)
                    + " changes with the clock but is neither a time, a day nor a year");
        }
        DateTimeFormatter format = DateTimeFormatter.ofPattern(day ? "yyyy-MM-dd" : "yyyy");
        for (TimeForm time : times) {
            for (TimeForm candidate : List.of(time, time.minusMillisecond())) {
                boolean fits = true;
                for (int c = 0; c < CLOCKS.size() && fits; c++) {
                    fits = format.format(candidate.at(CLOCKS.get(c)).atOffset(ZoneOffset.UTC)).equals(values.get(c));
                }
                if (fits) {
                    return new PartitionBound(candidate, day);
                }
            }
        }
        throw new IllegalStateException(insight.id() + ": no time of the query gives " + binding.name() + " at every clock");
    }

    /**
     * A time that follows the query's clock: {@code truncate(now + shift, unit) + offset} (no
     * truncation when {@code unit} is null), e.g. "24 hours ago" or "the start of the hour 24 hours
     * ago", as the catalog computes windows in Java.
     */
    record TimeForm(String unit, long shift, long offset) {

        private static final List<String> UNITS = java.util.Arrays.asList(null, "hour", "day");

        Instant at(Instant clock) {
            Instant shifted = clock.plusMillis(shift);
            Instant truncated = unit == null ? shifted
                    : shifted.truncatedTo(unit.equals("hour") ? java.time.temporal.ChronoUnit.HOURS : java.time.temporal.ChronoUnit.DAYS);
            return truncated.plusMillis(offset);
        }

        TimeForm minusMillisecond() {
            return new TimeForm(unit, shift, offset - 1);
        }

        String sql() {
            if (unit == null) {
                return shift + offset == 0 ? NOW : "date_add('millisecond', " + (shift + offset) + ", " + NOW + ")";
            }
            String shifted = shift == 0 ? NOW : "date_add('millisecond', " + shift + ", " + NOW + ")";
            String truncated = "date_trunc('" + unit + "', " + shifted + ")";
            return offset == 0 ? truncated : "date_add('millisecond', " + offset + ", " + truncated + ")";
        }

        /** The simplest form giving {@code values} at {@link #CLOCKS}. */
        static TimeForm fit(Insight insight, Binding binding, List<Instant> values) {
            for (String unit : UNITS) {
                for (long shift : new long[] {0, -1}) {
                    TimeForm form = new TimeForm(unit, unit == null ? 0 : shift,
                            values.get(0).toEpochMilli() - new TimeForm(unit, unit == null ? 0 : shift, 0).at(CLOCKS.get(0)).toEpochMilli());
                    boolean fits = true;
                    for (int c = 0; c < CLOCKS.size() && fits; c++) {
                        fits = form.at(CLOCKS.get(c)).equals(values.get(c));
                    }
                    if (fits) {
                        return form;
                    }
                }
            }
            throw new IllegalStateException(insight.id() + ": " + binding.name() + " does not follow the clock in a way SQL can repeat");
        }
    }

    /** Replaces each {@code ?} outside string literals, in order. */
    static String substitute(String sql, List<String> replacements) {
        StringBuilder out = new StringBuilder();
        boolean inLiteral = false;
        int next = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                inLiteral = !inLiteral;
            }
            if (c == '?' && !inLiteral) {
                out.append(replacements.get(next++));
            } else {
                out.append(c);
            }
        }
        if (next != replacements.size()) {
            throw new IllegalStateException(next + " placeholders for " + replacements.size() + " values");
        }
        return out.toString();
    }

    /** The table as the stack names it, for {@code Fn::Sub}; the SQL must hold no other {@code ${}. */
    static String tableName(String sql) {
        if (sql.contains("${")) {
            throw new IllegalStateException("the SQL holds '${', which Fn::Sub would read as a reference");
        }
        Matcher m = TABLE.matcher(sql);
        String named = m.replaceAll("$1$2\"\\${GlueDatabase}\".\"\\${GlueTable}\"");
        if (Pattern.compile("\\b" + SqlContext.TABLE + "\\b").matcher(named).find()) {
            throw new IllegalStateException("the table is named somewhere else than after FROM or JOIN: " + sql);
        }
        return named;
    }
}
