package dev.apigwinsights.quicksight;

/** Time buckets of a date dimension (QuickSight's {@code DateGranularity} values we use). */
public enum TimeGranularity { MINUTE, HOUR, DAY, WEEK, MONTH }
