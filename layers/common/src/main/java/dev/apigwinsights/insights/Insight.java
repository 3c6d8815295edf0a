package dev.apigwinsights.insights;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One named question about API traffic, defined once: the catalog renders it as SQL for Athena and
 * DuckDB, and the QuickSight definition, the local dashboard, the PDF report and
 * {@code query --insight} are generated from it.
 *
 * @param id       stable snake_case id (other tools call it; never rename)
 * @param title    short title for a chart or table
 * @param question the question it answers, in the user's words (chart subtitle, docs)
 * @param sheet    the sheet/tab/report chapter it belongs to
 * @param chart    how it is drawn; its columns satisfy the kind's contract ({@link ChartKind})
 * @param query    what it computes
 * @param filters  the filters it accepts (others are rejected)
 */
public record Insight(String id, String title, String question, Sheet sheet, ChartKind chart, InsightQuery query,
                      Set<Filter> filters) {

    public Insight {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(sheet, "sheet");
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(query, "query");
        filters = Set.copyOf(filters);
        if (!id.matches("[a-z][a-z0-9]*(_[a-z0-9]+)*")) {
            throw new IllegalArgumentException("insight ids are snake_case: " + id);
        }
        chart.problemWith(query.columns()).ifPresent(problem -> {
            throw new IllegalArgumentException(id + ": " + problem);
        });
        Set<String> names = new HashSet<>();
        for (ResultColumn c : query.columns()) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException(id + ": duplicate result column " + c.name());
            }
        }
    }

    /** The result's columns, in order. */
    public List<ResultColumn> columns() {
        return query.columns();
    }

    /** The column called {@code name}. */
    public ResultColumn column(String name) {
        return columns().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(id + " has no column " + name));
    }

    /** True when the insight is declarative (a QuickSight visual can be built from its fields). */
    public boolean isDeclarative() {
        return !(query instanceof InsightQuery.ExplicitSql);
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Builds an insight; every filter is accepted unless {@link #filters} says otherwise. */
    public static final class Builder {
        private final String id;
        private String title;
        private String question;
        private Sheet sheet;
        private ChartKind chart;
        private InsightQuery query;
        private Set<Filter> filters = EnumSet.allOf(Filter.class);

        private Builder(String id) {
            this.id = id;
        }

        public Builder title(String value) {
            this.title = value;
            return this;
        }

        public Builder question(String value) {
            this.question = value;
            return this;
        }

        public Builder sheet(Sheet value) {
            this.sheet = value;
            return this;
        }

        public Builder chart(ChartKind value) {
            this.chart = value;
            return this;
        }

        public Builder query(InsightQuery value) {
            this.query = value;
            return this;
        }

        public Builder query(InsightQuery.Aggregate.Builder value) {
            this.query = value.build();
            return this;
        }

        public Builder filters(Set<Filter> value) {
            this.filters = value;
            return this;
        }

        public Insight build() {
            return new Insight(id, title, question, sheet, chart, query, filters);
        }
    }
}
