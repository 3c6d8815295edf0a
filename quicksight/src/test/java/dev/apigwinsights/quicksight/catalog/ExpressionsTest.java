package dev.apigwinsights.quicksight.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwinsights.insights.Columns;
import dev.apigwinsights.insights.Condition;
import dev.apigwinsights.insights.Expr;

import org.junit.jupiter.api.Test;

import java.util.List;

/** The catalog's expressions and conditions in QuickSight's calculation language. */
class ExpressionsTest {

    @Test
    void derivedValuesKeepTheCatalogsMeaning() {
        assertThat(Expressions.of(Columns.ROUTE)).isEqualTo("coalesce({resource_path}, {route_key})");
        assertThat(Expressions.of(Columns.GATEWAY_OVERHEAD_MS)).isEqualTo("({response_latency_ms} - {integration_latency_ms})");
        assertThat(Expressions.of(new Expr.HourOfDay())).isEqualTo("extract('HH', {request_time})");
        // QuickSight's WD is 1 = Sunday; the catalog's weekday is ISO, 1 = Monday ... 7 = Sunday.
        assertThat(Expressions.of(new Expr.DayOfWeek())).isEqualTo("ifelse(extract('WD', {request_time}) = 1, 7, extract('WD', {request_time}) - 1)");
        assertThat(Expressions.of(new Expr.Bins(Columns.RESPONSE_LATENCY_MS, List.of(0L, 100L, 1000L))))
                .isEqualTo("ifelse(isNull({response_latency_ms}), NULL, {response_latency_ms} >= 1000, 1000, {response_latency_ms} >= 100, 100, 0)");
    }

    @Test
    void conditionsNestWithParenthesesAndQuoteTheirConstants() {
        Condition condition = Condition.and(Condition.in(Columns.ERROR_CATEGORY, "QUOTA", "THROTTLE"),
                Condition.not(Condition.or(Condition.isNull(Columns.STATUS), Condition.ge(Columns.STATUS, 500L))),
                Condition.ne(Columns.STAGE, "prod"));

        assertThat(Expressions.of(condition)).isEqualTo("(({error_category} = 'QUOTA' OR {error_category} = 'THROTTLE') AND "
                + "NOT ((isNull({status}) OR {status} >= 500)) AND {stage} <> 'prod')");
        assertThat(Expressions.of(Condition.and(Condition.notNull(Columns.STAGE)))).isEqualTo("isNotNull({stage})");
        assertThat(Expressions.literal(99.5)).isEqualTo("99.5");
    }

    @Test
    void refusesWhatItCannotWriteSafely() {
        assertThatThrownBy(() -> Expressions.literal("it's")).hasMessageContaining("no safe QuickSight literal");
        assertThatThrownBy(() -> Expressions.of(new Expr.Bucket(dev.apigwinsights.insights.TimeGrain.HOUR)))
                .hasMessageContaining("granularity");
        assertThatThrownBy(() -> Expressions.of(Condition.or())).hasMessageContaining("empty AND/OR");
    }
}
