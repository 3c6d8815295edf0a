package dev.apigwinsights.insights;

/** The engine failed to run an insight's query, or returned something other than its declared columns. */
public class QueryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public QueryException(String message) {
        super(message);
    }

    public QueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
