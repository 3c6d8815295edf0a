package dev.apigwinsights.quicksight;

import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.apigwinsights.quicksight.Json.obj;

/** Number formats per {@link Unit}: what "12,345 requests", "87 ms" and "99.9%" look like. */
final class NumberFormats {

    private NumberFormats() {
    }

    /** A measure's {@code NumberFormatConfiguration}. */
    static ObjectNode of(Unit unit) {
        return obj("FormatConfiguration", numeric(unit));
    }

    /** The {@code NumericFormatConfiguration} inside it. */
    static ObjectNode numeric(Unit unit) {
        return switch (unit) {
            case COUNT, TIME -> number(0, null, null);
            case MILLISECONDS -> number(0, null, " ms");
            case SECONDS -> number(1, null, " s");
            case BYTES -> number(1, "AUTO", "B");
            // The catalog's rates are 0-100 already: a percentage format would multiply them by 100 again.
            case PERCENT -> number(1, null, "%");
            case MULTIPLE -> number(2, null, "x");
            case DECIMAL -> number(2, null, null);
        };
    }

    /** Decimals, scale and suffix; QuickSight's defaults (thousands separators, no scale) stay implicit to keep the template small. */
    private static ObjectNode number(int decimals, String scale, String suffix) {
        return obj("NumberDisplayFormatConfiguration", obj(
                "DecimalPlacesConfiguration", obj("DecimalPlaces", decimals),
                "NumberScale", scale,
                "Suffix", suffix));
    }
}
