package dev.apigwinsights.quicksight;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

import static dev.apigwinsights.quicksight.Json.arr;
import static dev.apigwinsights.quicksight.Json.obj;

/**
 * Places a sheet's elements on QuickSight's 36-column grid, left to right in reading order,
 * wrapping when a row is full; each element's size comes from what it is (a KPI is a quarter of
 * the width, a line half, a table the full width).
 */
final class GridLayout {

    static final int COLUMNS = 36;

    record Size(int columns, int rows) {
    }

    private final List<ObjectNode> elements = new ArrayList<>();
    private int column;
    private int row;
    private int rowHeight;

    static Size sizeOf(ChartKind kind) {
        return switch (kind) {
            case KPI -> new Size(9, 5);
            case BAR, PIE, DONUT -> new Size(12, 10);
            case LINE, STACKED_BAR, HEATMAP, COMBO, HISTOGRAM -> new Size(18, 10);
            case FILLED_MAP -> new Size(24, 14);
            case TABLE, PIVOT, ROWS -> new Size(COLUMNS, 12);
        };
    }

    /** A full-width text box tall enough for its paragraphs (about 200 characters per grid row). */
    static Size textSize(List<String> paragraphs) {
        int characters = paragraphs.stream().mapToInt(String::length).sum();
        return new Size(COLUMNS, 2 + paragraphs.size() + characters / 200);
    }

    GridLayout add(String elementId, String elementType, Size size) {
        if (column + size.columns() > COLUMNS) {
            row += rowHeight;
            column = 0;
            rowHeight = 0;
        }
        elements.add(obj("ElementId", elementId, "ElementType", elementType,
                "ColumnIndex", column, "ColumnSpan", size.columns(), "RowIndex", row, "RowSpan", size.rows()));
        column += size.columns();
        rowHeight = Math.max(rowHeight, size.rows());
        return this;
    }

    /** A sheet's {@code Layouts} entry: a responsive grid. */
    ObjectNode sheetLayout() {
        return obj("Configuration", obj("GridLayout", obj(
                "Elements", arr(elements),
                "CanvasSizeOptions", obj("ScreenCanvasSizeOptions", obj("ResizeOption", "RESPONSIVE")))));
    }
}
