package dev.apigwinsights.reports.render;

import java.util.List;

/**
 * What the HTML template reads: every text already formatted, every chart referenced by id. Plain
 * records, so the template ({@code templates/report.html}) holds all markup and the Java holds none.
 */
public record ReportView(String title, String project, String kind, String period, String previousPeriod,
                         String customer, String generated, String zone, String footer,
                         List<SectionView> sections, List<SourceView> sources) {

    public record SectionView(String id, String title, String lead, List<BlockView> blocks) {
    }

    /** Exactly one of the four is set; the template renders the one that is. */
    public record BlockView(KpisView kpis, ChartView chart, TableView table, NoteView note) {
        static BlockView of(KpisView v) {
            return new BlockView(v, null, null, null);
        }

        static BlockView of(ChartView v) {
            return new BlockView(null, v, null, null);
        }

        static BlockView of(TableView v) {
            return new BlockView(null, null, v, null);
        }

        static BlockView of(NoteView v) {
            return new BlockView(null, null, null, v);
        }
    }

    public record KpisView(List<KpiView> tiles) {
    }

    /** {@code trend} is {@code good}, {@code bad} or {@code flat} (the change's colour). */
    public record KpiView(String label, String value, String change, String trend, String previous, String target,
                          boolean third) {
    }

    public record ChartView(String id, String title, String question, int height, String insightId) {
    }

    /** {@code isShort}: few enough rows to keep the table on one page with its title. */
    public record TableView(String title, String question, String insightId, String meta, List<HeaderView> headers,
                            List<RowView> rows, String emptyText) {
        public boolean isShort() {
            return rows.size() <= 16;
        }
    }

    public record HeaderView(String label, boolean numeric) {
    }

    public record RowView(List<CellView> cells) {
    }

    public record CellView(String text, boolean numeric) {
    }

    public record NoteView(String title, String question, String text) {
    }

    /** An insight the report used, for the appendix: how to re-run it. */
    public record SourceView(String id, String title, String question) {
    }
}
