package dev.apigwinsights.insights;

import static dev.apigwinsights.insights.Defs.REQUESTS;
import static dev.apigwinsights.insights.Defs.insight;

import dev.apigwinsights.insights.InsightQuery.Aggregate;
import java.util.List;

/**
 * WebSocket: connects, messages and disconnects; connection durations, from a DISCONNECT event's
 * time minus the connection's {@code connected_at}.
 */
final class WebSocketInsights {

    static final Condition IS_WEBSOCKET = Condition.eq(Columns.API_TYPE, "WEBSOCKET");
    static final Condition IS_CONNECT = Condition.eq(Columns.EVENT_TYPE, "CONNECT");
    static final Condition IS_MESSAGE = Condition.eq(Columns.EVENT_TYPE, "MESSAGE");
    static final Condition IS_DISCONNECT = Condition.eq(Columns.EVENT_TYPE, "DISCONNECT");
    /** A connection's duration, known on its DISCONNECT event. */
    static final Expr DURATION_MS = new Expr.Minus(Columns.REQUEST_TIME_EPOCH_MS, Columns.CONNECTED_AT);
    static final Condition HAS_DURATION = Condition.and(IS_DISCONNECT, Condition.notNull(Columns.CONNECTED_AT),
            Condition.notNull(Columns.REQUEST_TIME_EPOCH_MS));
    /** Connection-duration bins, ms: 1 s, 10 s, 30 s, 1 min, 5 min, 15 min, 30 min, 1 h, 2 h (API Gateway's maximum). */
    static final List<Long> DURATION_BINS = List.of(0L, 1_000L, 10_000L, 30_000L, 60_000L, 300_000L, 900_000L, 1_800_000L,
            3_600_000L, 7_200_000L);

    private WebSocketInsights() {
    }

    static List<Insight> all() {
        return List.of(
                insight("websocket_kpis", Sheet.WEBSOCKET, ChartKind.KPI, "WebSocket at a glance",
                        "How many WebSocket connections opened and closed, how many messages flowed, and how long did connections last?")
                        .query(Aggregate.by()
                                .measure(Measure.countIf("connects", IS_CONNECT), Measure.countIf("messages", IS_MESSAGE),
                                        Measure.countIf("disconnects", IS_DISCONNECT),
                                        Measure.distinct("connections", Columns.CONNECTION_ID),
                                        Measure.avg("avg_connection_ms", DURATION_MS, Unit.MILLISECONDS).when(HAS_DURATION),
                                        Measure.percentile("p95_connection_ms", DURATION_MS, 0.95, Unit.MILLISECONDS).when(HAS_DURATION))
                                .where(IS_WEBSOCKET))
                        .build(),
                insight("websocket_events_over_time", Sheet.WEBSOCKET, ChartKind.STACKED_BAR, "WebSocket events over time",
                        "When do clients connect, send messages and disconnect?")
                        .query(Aggregate.by(Defs.time(), Dimension.series("event_type", Columns.EVENT_TYPE))
                                .measure(Measure.count("events"))
                                .where(Condition.and(IS_WEBSOCKET, Condition.notNull(Columns.EVENT_TYPE))))
                        .build(),
                insight("websocket_messages_by_route", Sheet.WEBSOCKET, ChartKind.BAR, "WebSocket messages by route",
                        "Which WebSocket routes receive the most messages, and how often do they fail?")
                        .query(Aggregate.by(Dimension.of("route_key", Columns.ROUTE_KEY))
                                .measure(Measure.count("messages"), Defs.ERROR_RATE)
                                .where(Condition.and(IS_WEBSOCKET, IS_MESSAGE))
                                .orderBy(Order.desc("messages")))
                        .build(),
                insight("websocket_connection_durations", Sheet.WEBSOCKET, ChartKind.HISTOGRAM, "WebSocket connection durations",
                        "How long do WebSocket connections stay open?")
                        .query(Aggregate.by(Dimension.of("duration_bin_ms", new Expr.Bins(DURATION_MS, DURATION_BINS)).withUnit(Unit.MILLISECONDS))
                                .measure(Measure.count("connections"))
                                .where(Condition.and(IS_WEBSOCKET, HAS_DURATION))
                                .orderBy(Order.asc("duration_bin_ms")))
                        .build(),
                insight("websocket_connections_over_time", Sheet.WEBSOCKET, ChartKind.LINE, "WebSocket connections over time",
                        "How many distinct connections were active, and how many messages did they send, per period?")
                        .query(Aggregate.by(Defs.time())
                                .measure(Measure.distinct("active_connections", Columns.CONNECTION_ID), Measure.countIf("messages", IS_MESSAGE),
                                        REQUESTS)
                                .where(IS_WEBSOCKET))
                        .build());
    }
}
