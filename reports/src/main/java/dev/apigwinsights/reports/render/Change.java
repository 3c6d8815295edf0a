package dev.apigwinsights.reports.render;

import dev.apigwinsights.reports.layout.Kpi;
import java.util.Locale;

/**
 * How a KPI moved between the comparison period and the report's period, as the tile shows it:
 * relative for volumes and latencies ({@code +12.3 %}), a difference for rates ({@code −0.40 pp}:
 * a relative change of a 0.1 % error rate would read as alarming noise). Not a new figure: the
 * difference of two catalog values the tile also shows.
 */
record Change(String text, String trend) {

    private static final double FLAT_PCT = 0.5;
    private static final double FLAT_POINTS = 0.005;

    static Change of(Object current, Object previous, Kpi.Change mode, Kpi.Better better) {
        if (current == null || previous == null) {
            return new Change("no comparison", "flat");
        }
        double c = ((Number) current).doubleValue();
        double p = ((Number) previous).doubleValue();
        double delta;
        String text;
        if (mode == Kpi.Change.POINTS) {
            delta = c - p;
            text = Math.abs(delta) < FLAT_POINTS ? "±0.00 pp" : signed(delta, "%.2f") + " pp";
            return new Change(text, trend(delta, Math.abs(delta) < FLAT_POINTS, better));
        }
        if (p == 0) {
            return new Change(c == 0 ? "±0 %" : "new", "flat");
        }
        delta = (c - p) / Math.abs(p) * 100;
        if (p > 0 && c / p >= 10) {
            // "+1004050 %" reads worse than what it means.
            return new Change(String.format(Locale.ENGLISH, "%,.0f× before", c / p), trend(delta, false, better));
        }
        text = Math.abs(delta) < FLAT_PCT ? "±0 %" : signed(delta, Math.abs(delta) >= 100 ? "%.0f" : "%.1f") + " %";
        return new Change(text, trend(delta, Math.abs(delta) < FLAT_PCT, better));
    }

    private static String signed(double v, String pattern) {
        String digits = String.format(Locale.ENGLISH, pattern, Math.abs(v));
        return (v > 0 ? "+" : "−") + digits;
    }

    private static String trend(double delta, boolean flat, Kpi.Better better) {
        if (flat || better == Kpi.Better.NEITHER) {
            return "flat";
        }
        boolean up = delta > 0;
        return up == (better == Kpi.Better.HIGHER) ? "good" : "bad";
    }
}
