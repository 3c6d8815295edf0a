package dev.apigwinsights.transformer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.apigwinsights.firehose.BatchSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Firehose data-transformation Lambda: adapts the runtime's streams to the plain-Java
 * {@link dev.apigwinsights.firehose.FirehoseBatchTransformer}. A stream handler, because the
 * stock {@code KinesisAnalyticsInputPreprocessingResponse} has no {@code metadata.partitionKeys}
 * and because streaming avoids a tree of the whole 6 MB batch.
 */
public final class TransformHandler implements RequestStreamHandler, Resource {
    private static final Logger LOG = LoggerFactory.getLogger(TransformHandler.class);

    private final Wiring wiring;

    /** Used by the Lambda runtime: wires real dependencies once per execution environment. */
    public TransformHandler() {
        this(Wiring.fromEnvironment(System.getenv(), java.time.Clock.systemUTC()));
        Core.getGlobalContext().register(this);
    }

    TransformHandler(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        BatchSummary summary = wiring.transformer().transform(in, out);
        wiring.metrics().publish(summary);
        LOG.info("batch records={} ok={} dropped={} processingFailed={} logEvents={} overBudget={} responseBytes={}",
                summary.recordsIn(), summary.ok(), summary.dropped(), summary.processingFailed(),
                summary.logEvents(), summary.overBudget(), summary.responseBytes());
    }

    /** SnapStart: run the bundled sample batch so parsing, derivation and JSON code are loaded and compiled. */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) throws IOException {
        wiring.prime();
    }

    /** SnapStart: the usage-plan snapshot taken before the checkpoint may be hours old now. */
    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        wiring.afterRestore();
    }
}
