package dev.apigwinsights.reports.layout;

import java.util.Objects;

/**
 * One KPI tile: column {@code column} of insight {@code insightId} (a one-row insight), shown with
 * its change against the comparison period: relative for volumes and latencies, in percentage points
 * for rates. {@code better} colours the change (a falling 5xx rate is good news). {@code targetColumn},
 * when not null, is a column of the same insight shown as the tile's objective.
 */
public record Kpi(String label, String insightId, String column, Better better, Change change, String targetColumn) {

    /** Which direction of change is good news. */
    public enum Better { HIGHER, LOWER, NEITHER }

    /** How a change is expressed: relative ({@code +12 %}) or as a difference of percentages ({@code +0.4 pp}). */
    public enum Change { RELATIVE, POINTS, NONE }

    public Kpi {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(insightId, "insightId");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(better, "better");
        Objects.requireNonNull(change, "change");
    }

    public Kpi(String label, String insightId, String column, Better better, Change change) {
        this(label, insightId, column, better, change, null);
    }
}
