package dev.apigwinsights.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * SLF4J binding for the Lambda functions: one JSON object per log line on stdout, which Lambda's
 * JSON log format keeps as-is (it does not double-encode JSON lines). Level from
 * {@code AWS_LAMBDA_LOG_LEVEL} (set by the function's ApplicationLogLevel), default INFO.
 * Kept tiny on purpose: no Log4j2 in the function artifacts, nothing to configure. It lives in the
 * layer, but each function's own jar registers it ({@code META-INF/services}), so the CLI, which
 * shares this library, keeps its own console binding.
 */
public final class JsonLinesLoggerProvider implements SLF4JServiceProvider {
    private ILoggerFactory loggerFactory;
    private final IMarkerFactory markerFactory = new BasicMarkerFactory();
    private final MDCAdapter mdcAdapter = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggerFactory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        loggerFactory = new JsonLinesLoggerFactory(JsonLinesLogger.levelFrom(System.getenv("AWS_LAMBDA_LOG_LEVEL")), System.out);
    }
}
