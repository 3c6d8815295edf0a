package dev.apigwinsights.reports.layout;

import java.util.List;

/** One element of a report section: a strip of KPI tiles, a chart or a table, each fed by catalog insights. */
public sealed interface Block permits Block.KpiStrip, Block.Chart, Block.Table {

    /** The catalog insights this block shows. */
    List<String> insightIds();

    /** KPI tiles: each tile is one column of one insight, with its change against the comparison period. */
    record KpiStrip(List<Kpi> kpis) implements Block {
        public KpiStrip {
            kpis = List.copyOf(kpis);
        }

        @Override
        public List<String> insightIds() {
            return kpis.stream().map(Kpi::insightId).distinct().toList();
        }
    }

    /**
     * A chart of an insight, drawn as its {@code ChartKind} says (line, stacked bar, bar, pie,
     * histogram). {@code measures} picks the measure columns to draw (empty: all that share the first
     * one's unit); {@code limit} caps the categories or series (0: the insight's default).
     */
    record Chart(String insightId, Grain grain, List<String> measures, int limit) implements Block {
        public Chart {
            measures = List.copyOf(measures);
        }

        public static Chart of(String insightId) {
            return new Chart(insightId, Grain.COARSE, List.of(), 0);
        }

        public static Chart of(String insightId, Grain grain) {
            return new Chart(insightId, grain, List.of(), 0);
        }

        @Override
        public List<String> insightIds() {
            return List.of(insightId);
        }
    }

    /**
     * A table of an insight's rows: {@code columns} picks and orders columns (empty: all),
     * {@code limit} is the top-N size (0: every row the insight returns). {@code needsPrices}: shown
     * only when prices per usage plan are configured (an estimated bill), else replaced by a note.
     */
    record Table(String insightId, List<String> columns, int limit, boolean needsPrices) implements Block {
        public Table {
            columns = List.copyOf(columns);
        }

        public static Table of(String insightId) {
            return new Table(insightId, List.of(), 0, false);
        }

        public static Table top(String insightId, int limit, String... columns) {
            return new Table(insightId, List.of(columns), limit, false);
        }

        @Override
        public List<String> insightIds() {
            return List.of(insightId);
        }
    }
}
