package dev.apigwinsights.quicksight;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

import static dev.apigwinsights.quicksight.Json.arr;
import static dev.apigwinsights.quicksight.Json.obj;
import static dev.apigwinsights.quicksight.Json.ref;
import static dev.apigwinsights.quicksight.Json.sub;

/**
 * The dashboard's theme: a light base with a colour-blind-safe categorical palette (Okabe-Ito
 * order), so 2xx/4xx/5xx and series stay distinguishable, and status colours for good, warning
 * and danger.
 */
final class Themes {

    static final List<String> PALETTE = List.of(
            "#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000");

    private Themes() {
    }

    static ObjectNode resource(List<Object> permissions) {
        return obj("Type", "AWS::QuickSight::Theme", "Properties", obj(
                "AwsAccountId", ref("AWS::AccountId"),
                "ThemeId", sub("${ProjectName}-theme"),
                "Name", sub("${ProjectName} apigw-insights"),
                "BaseThemeId", "CLASSIC",
                "VersionDescription", "apigw-insights theme",
                "Configuration", obj(
                        "DataColorPalette", obj(
                                "Colors", arr(PALETTE),
                                "MinMaxGradient", arr("#DEEBF7", "#08519C"),
                                "EmptyFillColor", "#F5F5F5"),
                        "UIColorPalette", obj(
                                "PrimaryForeground", "#1F2933",
                                "PrimaryBackground", "#FFFFFF",
                                "SecondaryForeground", "#52606D",
                                "SecondaryBackground", "#F5F7FA",
                                "Accent", "#0072B2",
                                "AccentForeground", "#FFFFFF",
                                "Success", "#009E73",
                                "SuccessForeground", "#FFFFFF",
                                "Warning", "#E69F00",
                                "WarningForeground", "#1F2933",
                                "Danger", "#D55E00",
                                "DangerForeground", "#FFFFFF",
                                "Dimension", "#52606D",
                                "DimensionForeground", "#FFFFFF",
                                "Measure", "#0072B2",
                                "MeasureForeground", "#FFFFFF"),
                        "Sheet", obj("Tile", obj("Border", obj("Show", true)),
                                "TileLayout", obj("Gutter", obj("Show", true), "Margin", obj("Show", true)))),
                "Permissions", permissions));
    }
}
