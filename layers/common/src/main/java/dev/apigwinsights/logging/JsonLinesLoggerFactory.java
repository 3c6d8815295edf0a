package dev.apigwinsights.logging;

import java.io.PrintStream;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/** One {@link JsonLinesLogger} per name, all writing to the same stream. */
final class JsonLinesLoggerFactory implements ILoggerFactory {
    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final Level threshold;
    private final PrintStream out;

    JsonLinesLoggerFactory(Level threshold, PrintStream out) {
        this.threshold = threshold;
        this.out = out;
    }

    @Override
    public Logger getLogger(String name) {
        return loggers.computeIfAbsent(name, n -> new JsonLinesLogger(n, threshold, out));
    }
}
