package dev.apigwinsights.transformer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.apigwinsights.wiring.TransformerWiring;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.crac.Core;
import org.crac.Resource;

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
    private static final int PRIMING_ROUNDS = 50;

    private final TransformerWiring wiring;

    /** Used by the Lambda runtime: wires real dependencies once per execution environment. */
    public TransformHandler() {
        this(TransformerWiring.fromEnvironment(System.getenv(), Clock.systemUTC(), System.out));
        Core.getGlobalContext().register(this);
    }

    TransformHandler(TransformerWiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        wiring.handle(in, out);
    }

    /** SnapStart: run the bundled sample batches so parsing, derivation and JSON code are loaded and compiled. */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) throws IOException {
        List<TransformerWiring.EventSource> events = new ArrayList<>();
        for (String name : PRIMING_EVENTS) {
            events.add(() -> {
                InputStream in = TransformHandler.class.getResourceAsStream(name);
                if (in == null) {
                    throw new IOException("priming event missing from the artifact: " + name);
                }
                return in;
            });
        }
        wiring.prime(events, PRIMING_ROUNDS);
    }

    /** SnapStart: the usage-plan snapshot taken before the checkpoint may be hours old now. */
    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        wiring.afterRestore();
    }
}
