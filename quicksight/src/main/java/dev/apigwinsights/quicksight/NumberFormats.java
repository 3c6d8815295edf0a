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
            case COUNT, TIME -> obj("NumberDisplayFormatConfiguration", obj(
                    "DecimalPlacesConfiguration", obj("DecimalPlaces", 0),
                    "NumberScale", "NONE",
                    "SeparatorConfiguration", obj("ThousandsSeparator", obj("Symbol", "COMMA", "Visibility", "VISIBLE"))));
            case MILLISECONDS -> obj("NumberDisplayFormatConfiguration", obj(
                    "DecimalPlacesConfiguration", obj("DecimalPlaces", 0),
                    "NumberScale", "NONE",
                    "Suffix", " ms",
                    "SeparatorConfiguration", obj("ThousandsSeparator", obj("Symbol", "COMMA", "Visibility", "VISIBLE"))));
            case BYTES -> obj("NumberDisplayFormatConfiguration", obj(
                    "DecimalPlacesConfiguration", obj("DecimalPlaces", 1),
                    "NumberScale", "AUTO",
                    "Suffix", "B"));
            case RATIO -> obj("PercentageDisplayFormatConfiguration", obj(
                    "DecimalPlacesConfiguration", obj("DecimalPlaces", 1)));
        };
    }
}
