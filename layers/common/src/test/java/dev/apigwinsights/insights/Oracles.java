package dev.apigwinsights.insights;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The oracle of every insight, by id, one class per sheet. A catalog insight without one fails
 * {@code InsightOracleTest}.
 */
final class Oracles {

    static final Map<String, Oracle.Answer> ALL = new HashMap<>();

    static {
        BiConsumer<String, Oracle.Answer> define = (id, answer) -> {
            if (ALL.put(id, answer) != null) {
                throw new IllegalStateException("two oracles for " + id);
            }
        };
        OverviewOracles.register(define);
        LatencyOracles.register(define);
        ErrorOracles.register(define);
        CustomerOracles.register(define);
        ClientOracles.register(define);
        GeographyAndWebSocketOracles.register(define);
        ReliabilityOracles.register(define);
        RawOracles.register(define);
    }

    private Oracles() {
    }
}
