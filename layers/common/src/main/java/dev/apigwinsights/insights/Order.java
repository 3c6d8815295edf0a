package dev.apigwinsights.insights;

/** Sort by a result column; nulls always sort last, in both engines. */
public record Order(String column, boolean descending) {

    public static Order asc(String column) {
        return new Order(column, false);
    }

    public static Order desc(String column) {
        return new Order(column, true);
    }
}
