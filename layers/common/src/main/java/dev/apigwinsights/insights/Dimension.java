package dev.apigwinsights.insights;

import java.util.Objects;

/** A value an insight groups by (or, for raw rows, shows): a column, a time bucket, a bin. */
public record Dimension(String name, Expr expr, ColumnRole role, Unit unit, String label) {

    public Dimension {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expr, "expr");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(label, "label");
    }

    public static Dimension of(String name, Expr expr) {
        return new Dimension(name, expr, ColumnRole.DIMENSION, Unit.NONE, ResultColumn.labelOf(name));
    }

    public static Dimension series(String name, Expr expr) {
        return new Dimension(name, expr, ColumnRole.SERIES, Unit.NONE, ResultColumn.labelOf(name));
    }

    public static Dimension location(String name, Expr expr) {
        return new Dimension(name, expr, ColumnRole.LOCATION, Unit.NONE, ResultColumn.labelOf(name));
    }

    public static Dimension detail(String name, Expr expr) {
        return new Dimension(name, expr, ColumnRole.DETAIL, Unit.NONE, ResultColumn.labelOf(name));
    }

    /** The {@code bucket_start} time dimension at {@code grain} (callers may override AUTO grains). */
    public static Dimension time(TimeGrain grain) {
        return new Dimension("bucket_start", new Expr.Bucket(grain), ColumnRole.TIME, Unit.NONE, "Time");
    }

    public Dimension withUnit(Unit newUnit) {
        return new Dimension(name, expr, role, newUnit, label);
    }

    public Dimension withRole(ColumnRole newRole) {
        return new Dimension(name, expr, newRole, unit, label);
    }

    public ResultColumn column() {
        return new ResultColumn(name, expr.type(), unit, role, label);
    }
}
