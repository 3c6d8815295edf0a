package dev.apigwinsights.transformer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.apigwinsights.wiring.TransformerWiring;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Firehose data-transformation Lambda: adapts the runtime's streams to the plain-Java
 * transformer that {@link TransformerWiring} builds. A stream handler, because the stock
 * {@code KinesisAnalyticsInputPreprocessingResponse} has no {@code metadata.partitionKeys}
 * and because streaming avoids a tree of the whole 6 MB batch.
 */
public final class TransformHandler implements RequestStreamHandler, Resource {
    /** Bundled in the artifact (see the pom): a REST direct-put batch and a CloudWatch one. */
    static final List<String> PRIMING_EVENTS =
            List.of("/priming/firehose-direct-rest.json", "/priming/firehose-cloudwatch-http.json");
    /** Bundled in the artifact: the lines {@link PrimingBatches} builds batches of the real size from. */
    static final List<String> PRIMING_LINES = List.of("rest-reference-sample.jsonl", "rest-sumo.jsonl", "rest-elastic.jsonl",
            "rest-console-json.jsonl", "http-dynatrace.jsonl", "websocket.jsonl", "broken-json.jsonl", "rest-clf.log");
    /** Bundled in the artifact: the usage plans whose keys the priming lines carry (enrichment is primed too). */
    static final String PRIMING_USAGE_PLANS = "/priming/usage-plans.json";
    private static final Logger LOG = LoggerFactory.getLogger(TransformHandler.class);

    private final TransformerWiring wiring;
    private final TransformerWiring.PrimingPlan priming;

    /** Used by the Lambda runtime: wires real dependencies once per execution environment. */
    public TransformHandler() {
        this(TransformerWiring.fromEnvironment(System.getenv(), Clock.systemUTC(), System.out));
        Core.getGlobalContext().register(this);
    }

    TransformHandler(TransformerWiring wiring) {
        this(wiring, TransformerWiring.PrimingPlan.DEFAULT);
    }

    TransformHandler(TransformerWiring wiring, TransformerWiring.PrimingPlan priming) {
        this.wiring = wiring;
        this.priming = priming;
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        wiring.handle(in, out);
    }

    /**
     * SnapStart: run batches of the bundled lines (direct put, CloudWatch decompressed and gzip, 1 MB
     * each) and the bundled fixtures until the JIT has compiled what they need, at C2 where the JVM
     * uses it (java25 with SnapStart: docs/performance.md), so restored functions start compiled.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) throws IOException {
        List<TransformerWiring.EventSource> events = new ArrayList<>();
        for (String name : PRIMING_EVENTS) {
            byte[] event = resource(name);
            events.add(() -> new ByteArrayInputStream(event));
        }
        List<String> lines = new ArrayList<>();
        for (String name : PRIMING_LINES) {
            new String(resource("/priming/lines/" + name), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).forEach(lines::add);
        }
        for (byte[] batch : PrimingBatches.of(lines)) {
            events.add(() -> new ByteArrayInputStream(batch));
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        LongSupplier compiled = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit::getTotalCompilationTime : () -> 0;
        byte[] plans = resource(PRIMING_USAGE_PLANS);
        TransformerWiring.PrimingReport report = wiring.prime(events, () -> new ByteArrayInputStream(plans), priming, compiled);
        LOG.info("primed: {} rounds, {} batches, {} ms, JIT quiet: {}", report.rounds(), report.batches(), report.took().toMillis(),
                report.jitQuiet());
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = TransformHandler.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("priming resource missing from the artifact: " + name);
            }
            return in.readAllBytes();
        }
    }

    /** SnapStart: the usage-plan snapshot taken before the checkpoint may be hours old now. */
    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        wiring.afterRestore();
    }
}
