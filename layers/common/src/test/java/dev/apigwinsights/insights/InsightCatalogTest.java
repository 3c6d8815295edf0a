package dev.apigwinsights.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwinsights.schema.CanonicalField;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The catalog's shape: ids, the columns other tools rely on, chart contracts, column references, parameters. */
class InsightCatalogTest {

    private final Insights insights = Insights.standard(Clock.fixed(FixtureData.END, ZoneOffset.UTC));

    @Test
    void theIdsOtherToolsCallExistWithTheirColumns() {
        assertColumns("requests_by_status_class", "status_class", "requests");
        assertColumns("latency_percentiles_by_route", "route", "requests", "p50_ms", "p95_ms", "p99_ms");
        assertColumns("requests_by_usage_plan", "usage_plan_name", "requests");
        assertColumns("top_error_signatures", "error_signature", "requests");
        assertColumns("quota_usage_by_key", "api_key_id", "usage_plan_name", "period_start", "requests", "quota_limit", "quota_used_pct");
        assertThat(insights.get("quota_usage_by_key").column("period_start").type()).isEqualTo(ValueType.TIMESTAMP);
        assertThat(insights.get("latency_percentiles_by_route").column("p95_ms").unit()).isEqualTo(Unit.MILLISECONDS);
        assertThat(insights.get("quota_usage_by_key").column("quota_used_pct").unit()).isEqualTo(Unit.PERCENT);
    }

    private void assertColumns(String id, String... names) {
        assertThat(insights.get(id).columns()).extracting(ResultColumn::name).containsExactly(names);
    }

    @Test
    void everyChartKindAndAnExplicitQueryAreUsed() {
        Set<ChartKind> kinds = EnumSet.noneOf(ChartKind.class);
        insights.list().forEach(i -> kinds.add(i.chart()));
        assertThat(kinds).containsExactlyInAnyOrder(ChartKind.values());
        assertThat(insights.list()).anyMatch(i -> !i.isDeclarative());
    }

    @Test
    void everyInsightFitsItsChartKind() {
        for (Insight i : insights.list()) {
            assertThat(i.chart().problemWith(i.columns())).as(i.id()).isEmpty();
        }
        List<ResultColumn> timeAndMeasure = List.of(
                ResultColumn.of("bucket_start", ValueType.TIMESTAMP, Unit.NONE, ColumnRole.TIME),
                ResultColumn.of("requests", ValueType.BIGINT, Unit.COUNT, ColumnRole.MEASURE));
        assertThat(ChartKind.LINE.problemWith(timeAndMeasure)).isEmpty();
        assertThat(ChartKind.PIE.problemWith(timeAndMeasure)).isPresent();
        assertThat(ChartKind.KPI.problemWith(timeAndMeasure)).isPresent();
    }

    @Test
    void declarativeInsightsReferOnlyToColumnsOfTheSchema() {
        List<String> unknown = new ArrayList<>();
        for (Insight i : insights.list()) {
            forEachColumn(i, c -> {
                boolean known = CanonicalField.byColumn(c.name()).isPresent();
                if (!known) {
                    unknown.add(i.id() + ": " + c.name());
                }
                CanonicalField.byColumn(c.name()).ifPresent(f ->
                        assertThat(Expr.Col.of(f).type()).as("type of %s", c.name()).isEqualTo(c.type()));
            });
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void everyInsightHasATitleAQuestionAndSnakeCaseColumns() {
        for (Insight i : insights.list()) {
            assertThat(i.title()).as(i.id()).isNotBlank();
            assertThat(i.question()).as(i.id()).endsWith("?");
            assertThat(i.columns()).as(i.id()).isNotEmpty();
        }
    }

    @Test
    void filtersParseFromCliAssignmentsWithClearErrors() {
        assertThat(Filter.parse("status_class=5XX")).isEqualTo(new Filter.Parsed(Filter.STATUS_CLASS, "5xx"));
        assertThat(Filter.parse("api_id=abc")).isEqualTo(new Filter.Parsed(Filter.API, "abc"));
        assertThat(Filter.parse("source_ip=1.2.3.4").filter()).isEqualTo(Filter.CLIENT_IP);
        assertThat(Filter.parse("status=503")).isEqualTo(new Filter.Parsed(Filter.STATUS, 503L));
        assertThat(Filter.parse("user=a=b").value()).isEqualTo("a=b");
        assertThatThrownBy(() -> Filter.parse("status=abc")).isInstanceOf(InsightParameterException.class)
                .hasMessage("filter status: 'abc' is not a whole number");
        assertThatThrownBy(() -> Filter.parse("colour=red")).isInstanceOf(InsightParameterException.class)
                .hasMessageContaining("unknown filter 'colour'").hasMessageContaining("status_class");
        assertThatThrownBy(() -> Filter.parse("stage")).hasMessageContaining("expected key=value");
        assertThatThrownBy(() -> Filter.parse("auth_method=PASSWORD")).hasMessageContaining("not one of [API_KEY");
        assertThatThrownBy(() -> Filter.parse("stage= ")).hasMessageContaining("empty value");
    }

    @Test
    void unknownInsightsAndUnacceptedFiltersAreUserErrors() {
        assertThatThrownBy(() -> insights.get("top_error_signature")).isInstanceOf(InsightParameterException.class)
                .hasMessageContaining("did you mean top_error_signatures");
        Insight onlyStage = Insight.builder("probe").title("t").question("q?").sheet(Sheet.OVERVIEW).chart(ChartKind.KPI)
                .query(InsightQuery.Aggregate.by().measure(Defs.REQUESTS)).filters(Set.of(Filter.STAGE)).build();
        Insights one = new Insights(List.of(onlyStage), Clock.systemUTC());
        assertThatThrownBy(() -> one.render("probe", Dialect.DUCKDB, InsightParams.builder().filter("api=x").build()))
                .isInstanceOf(InsightParameterException.class).hasMessage("insight probe does not take filter api");
    }

    @Test
    void timeArgumentsAcceptIsoDatesAndTimes() {
        assertThat(TimeRange.parseInstant("2024-03-01")).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(TimeRange.parseInstant("2024-03-01T12:30")).isEqualTo(Instant.parse("2024-03-01T12:30:00Z"));
        assertThat(TimeRange.parseInstant("2024-03-01T12:30:00Z")).isEqualTo(Instant.parse("2024-03-01T12:30:00Z"));
        assertThat(TimeRange.parseInstant("2024-03-01T14:30:00+02:00")).isEqualTo(Instant.parse("2024-03-01T12:30:00Z"));
        assertThat(TimeRange.parseInstant("2024-03-01T12:30:00-05:00")).isEqualTo(Instant.parse("2024-03-01T17:30:00Z"));
        assertThatThrownBy(() -> TimeRange.parseInstant("yesterday")).isInstanceOf(InsightParameterException.class)
                .hasMessageContaining("not an ISO date");
        assertThatThrownBy(() -> TimeRange.of(Instant.parse("2024-03-02T00:00:00Z"), Instant.parse("2024-03-01T00:00:00Z")))
                .isInstanceOf(InsightParameterException.class);
    }

    @Test
    void theWindowCoversTheLastDayOnlyWhenTheRangeReachesIntoIt() {
        TimeRange toMidnight = TimeRange.of(Instant.parse("2024-02-28T12:00:00Z"), Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(toMidnight.lastDay()).hasToString("2024-02-29");
        TimeRange pastMidnight = TimeRange.of(Instant.parse("2024-02-28T12:00:00Z"), Instant.parse("2024-03-01T00:00:00.001Z"));
        assertThat(pastMidnight.lastDay()).hasToString("2024-03-01");
    }

    private static void forEachColumn(Insight insight, Consumer<Expr.Col> visit) {
        if (insight.query() instanceof InsightQuery.Aggregate a) {
            a.dimensions().forEach(d -> exprColumns(d.expr(), visit));
            a.measures().forEach(m -> {
                if (m.value() != null) {
                    exprColumns(m.value(), visit);
                }
                conditionColumns(m.when(), visit);
                conditionColumns(m.over(), visit);
            });
            conditionColumns(a.where(), visit);
        } else if (insight.query() instanceof InsightQuery.Rows r) {
            r.columnsShown().forEach(d -> exprColumns(d.expr(), visit));
            conditionColumns(r.where(), visit);
        }
    }

    private static void exprColumns(Expr e, Consumer<Expr.Col> visit) {
        if (e instanceof Expr.Col c) {
            visit.accept(c);
        } else if (e instanceof Expr.Coalesce c) {
            c.exprs().forEach(x -> exprColumns(x, visit));
        } else if (e instanceof Expr.Minus m) {
            exprColumns(m.left(), visit);
            exprColumns(m.right(), visit);
        } else if (e instanceof Expr.Bins b) {
            exprColumns(b.value(), visit);
        }
    }

    private static void conditionColumns(Condition c, Consumer<Expr.Col> visit) {
        if (c == null) {
            return;
        }
        if (c instanceof Condition.Compare x) {
            exprColumns(x.expr(), visit);
        } else if (c instanceof Condition.In x) {
            exprColumns(x.expr(), visit);
        } else if (c instanceof Condition.IsNull x) {
            exprColumns(x.expr(), visit);
        } else if (c instanceof Condition.NotNull x) {
            exprColumns(x.expr(), visit);
        } else if (c instanceof Condition.And x) {
            x.all().forEach(y -> conditionColumns(y, visit));
        } else if (c instanceof Condition.Or x) {
            x.any().forEach(y -> conditionColumns(y, visit));
        } else if (c instanceof Condition.Not x) {
            conditionColumns(x.condition(), visit);
        }
    }
}
