package dev.apigwinsights.reports.render;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf's log through SLF4J, like the rest of the project: its warnings and errors (a CSS
 * rule it ignores, a resource it cannot load) stay visible, its per-render progress notes become
 * debug lines instead of console chatter in every Lambda invocation and CLI run.
 */
final class Slf4jXRLogger implements XRLogger {

    private static final Logger LOG = LoggerFactory.getLogger("com.openhtmltopdf");

    static synchronized void install() {
        if (!(XRLog.getLoggerImpl() instanceof Slf4jXRLogger)) {
            XRLog.setLoggerImpl(new Slf4jXRLogger());
        }
    }

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        if (level.intValue() >= Level.SEVERE.intValue()) {
            LOG.error("{}: {}", where, msg, th);
        } else if (level.intValue() >= Level.WARNING.intValue()) {
            LOG.warn("{}: {}", where, msg, th);
        } else {
            LOG.debug("{}: {}", where, msg, th);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // Levels are SLF4J's to decide.
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        int level = diagnostic.getLevel().intValue();
        return level >= Level.WARNING.intValue() ? LOG.isWarnEnabled() : LOG.isDebugEnabled();
    }
}
