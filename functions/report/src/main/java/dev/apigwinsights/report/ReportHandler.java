package dev.apigwinsights.report;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigwinsights.insights.Dialect;
import dev.apigwinsights.insights.QueryResult;
import dev.apigwinsights.insights.QueryRunner;
import dev.apigwinsights.insights.ResultColumn;
import dev.apigwinsights.insights.SqlQuery;
import dev.apigwinsights.reports.ReportBuilder;
import dev.apigwinsights.reports.ReportPeriod;
import dev.apigwinsights.reports.ReportRequest;
import dev.apigwinsights.reports.layout.ReportLayouts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled report Lambda: adapts the Scheduler's event to {@link ReportJob}. Fails the invocation
 * when any report failed, so the template's alarm on the function's errors fires.
 */
public final class ReportHandler implements RequestStreamHandler, Resource {
    private static final Logger LOG = LoggerFactory.getLogger(ReportHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Wiring wiring;

    /** Used by the Lambda runtime: wires real dependencies once per execution environment. */
    public ReportHandler() {
        this(Wiring.fromEnvironment(System.getenv(), Clock.systemUTC()));
        Core.getGlobalContext().register(this);
    }

    ReportHandler(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        ReportEvent event = ReportEvent.read(in);
        long bytesBefore = wiring.athena().bytesScanned();
        ReportJob.Outcome outcome = wiring.job().run(event);
        long scanned = wiring.athena().bytesScanned() - bytesBefore;
        String summary = String.format(java.util.Locale.ROOT, "report run %s %s: %d delivered, %d failed, %d bytes scanned by Athena, %s",
                event.kind(), event.period(), outcome.delivered().size(), outcome.failures().size(), scanned,
                outcome.delivered().stream().map(d -> d.key() + (d.attached() ? " (attached)" : " (link)")).toList());
        LOG.info(summary);
        if (!outcome.failures().isEmpty()) {
            throw new IllegalStateException(outcome.failures().size() + " report(s) failed: " + String.join("; ", outcome.failures()));
        }
        JSON.writeValue(out, Map.of("delivered", outcome.delivered(), "athenaBytesScanned", scanned));
    }

    /**
     * SnapStart: render a report from empty results (no AWS call inside the snapshot) so templates,
     * fonts, the layout engine and the chart library are loaded and compiled.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        QueryRunner empty = new QueryRunner() {
            @Override
            public Dialect dialect() {
                return Dialect.ATHENA;
            }

            @Override
            public QueryResult run(SqlQuery query, List<ResultColumn> columns) {
                return new QueryResult(columns, List.of());
            }
        };
        Clock clock = Clock.systemUTC();
        ReportRequest request = ReportRequest.of(ReportLayouts.summary(),
                ReportPeriod.lastComplete(ReportPeriod.Kind.WEEK, ZoneId.of("UTC"), clock.instant()), "priming");
        for (int i = 0; i < 3; i++) {
            wiring.renderer().render(new ReportBuilder(wiring.insights(), empty, 1, clock).build(request));
        }
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing time-dependent is cached: the period is computed per invocation from the clock.
    }
}
