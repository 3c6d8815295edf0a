package dev.apigwinsights.logging;

import dev.apigwinsights.util.JsonStrings;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * Writes {@code {"timestamp","level","logger","message"[,"errorType","errorFrame"]}} lines. A
 * throwable contributes its class and top frame only: exception messages can quote input, and we
 * never log payloads.
 */
final class JsonLinesLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;
    private final Level threshold;
    private final transient PrintStream out;

    JsonLinesLogger(String name, Level threshold, PrintStream out) {
        this.name = name;
        this.threshold = threshold;
        this.out = out;
    }

    static Level levelFrom(String value) {
        if (value == null || value.isBlank()) {
            return Level.INFO;
        }
        return switch (value.strip().toUpperCase(Locale.ROOT)) {
            case "TRACE" -> Level.TRACE;
            case "DEBUG" -> Level.DEBUG;
            case "WARN" -> Level.WARN;
            case "ERROR", "FATAL" -> Level.ERROR;
            default -> Level.INFO;
        };
    }

    private boolean enabled(Level level) {
        return level.toInt() >= threshold.toInt();
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern, Object[] arguments,
                                               Throwable throwable) {
        String message = MessageFormatter.basicArrayFormat(messagePattern, arguments);
        StringBuilder sb = new StringBuilder(128 + (message == null ? 0 : message.length()));
        sb.append("{\"timestamp\":\"").append(Instant.now()).append("\",\"level\":\"").append(level)
                .append("\",\"logger\":");
        JsonStrings.append(name, sb);
        sb.append(",\"message\":");
        JsonStrings.append(message == null ? "" : message, sb);
        if (throwable != null) {
            sb.append(",\"errorType\":");
            JsonStrings.append(throwable.getClass().getName(), sb);
            StackTraceElement[] frames = throwable.getStackTrace();
            if (frames.length > 0) {
                sb.append(",\"errorFrame\":");
                JsonStrings.append(frames[0].toString(), sb);
            }
        }
        sb.append('}');
        out.println(sb);
    }
}
