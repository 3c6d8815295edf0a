package dev.apigwinsights.local;

import dev.apigwinsights.firehose.BatchSummary;
import dev.apigwinsights.wiring.TransformerWiring;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs the Firehose transformer on an event file, as the Lambda would: same code, same
 * environment variables ({@code LOG_FORMAT}, {@code USAGE_PLANS}, {@code GEOIP_DATABASE}, ...). Prints only the Firehose
 * response on stdout; logs go to stderr.
 */
@Command(name = "invoke", mixinStandardHelpOptions = true,
        description = "Run the transformer on a Firehose event file and print the Firehose response.")
public final class InvokeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--event", required = true, paramLabel = "FILE", description = "Firehose transformation event (JSON), e.g. events/firehose-mixed.json")
    Path event;

    @Option(names = "--usage-plans", paramLabel = "FILE|aws|none",
            description = "Usage plans for enrichment: a usage-plans file, 'aws' for the live account, or 'none'. Default: $USAGE_PLANS, else none.")
    String usagePlans;

    @Mixin
    GeoIpOption geoIp = new GeoIpOption();

    @Option(names = "--decode", description = "Print each record's result and its decoded canonical lines instead of the response.")
    boolean decode;

    private final Map<String, String> env;
    private final Clock clock;

    public InvokeCommand() {
        this(System.getenv(), Clock.systemUTC());
    }

    InvokeCommand(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new WriterOutputStream(spec.commandLine().getErr()), true, StandardCharsets.UTF_8);
        byte[] input;
        try {
            input = Files.readAllBytes(event);
        } catch (NoSuchFileException e) {
            err.println("apigw-insights invoke: event file not found: " + event);
            return LocalWiring.BAD_INPUT;
        } catch (IOException e) {
            err.println("apigw-insights invoke: cannot read event file " + event + ": " + e.getMessage());
            return LocalWiring.BAD_INPUT;
        }
        TransformerWiring wiring = LocalWiring.build("invoke", geoIp.applyTo(LocalWiring.environment(env, usagePlans, null)), clock,
                spec.commandLine().getErr());
        if (wiring == null) {
            return LocalWiring.BAD_INPUT;
        }
        err.println("configuration: " + wiring.settings().describe());
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        BatchSummary summary;
        try (InputStream in = new ByteArrayInputStream(input)) {
            summary = wiring.handle(in, response);
        } catch (IOException e) {
            err.println("apigw-insights invoke: malformed event file " + event + ": " + e.getMessage());
            return LocalWiring.BAD_INPUT;
        }
        if (decode) {
            ResponseDecoder.print(response.toByteArray(), summary, out);
        } else {
            out.println(response.toString(StandardCharsets.UTF_8));
        }
        err.printf("records=%d ok=%d dropped=%d processingFailed=%d logEvents=%d responseBytes=%d%n",
                summary.recordsIn(), summary.ok(), summary.dropped(), summary.processingFailed(),
                summary.logEvents(), summary.responseBytes());
        out.flush();
        return 0;
    }
}
