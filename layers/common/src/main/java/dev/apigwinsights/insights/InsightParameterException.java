package dev.apigwinsights.insights;

/**
 * A caller's mistake: an unknown insight or filter, a filter value of the wrong type, a bad time
 * range. The message is meant for the user (CLI error, HTTP 400) and never contains SQL.
 */
public class InsightParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InsightParameterException(String message) {
        super(message);
    }
}
