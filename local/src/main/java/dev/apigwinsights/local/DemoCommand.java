package dev.apigwinsights.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigwinsights.firehose.BatchSummary;
import dev.apigwinsights.firehose.FirehoseResult;
import dev.apigwinsights.schema.CanonicalField;
import dev.apigwinsights.wiring.TransformerWiring;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The embedded default: runs every bundled Firehose event in {@code events/} through the real
 * transformer (with the example usage plans) and prints what an API owner would look at first:
 * results per record, traffic by API type and status, customers and plans, error signatures.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Transform the bundled sample events locally and print a traffic summary (no AWS account needed).")
public final class DemoCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--events", paramLabel = "DIR", description = "Folder of Firehose events (default: events/ of this checkout).")
    Path eventsDir;

    @Option(names = "--usage-plans", paramLabel = "FILE|aws|none", description = "Usage plans for enrichment (default: events/usage-plans.json).")
    String usagePlans;

    @Mixin
    GeoIpOption geoIp = new GeoIpOption();

    private final Map<String, String> env;
    private final Clock clock;

    public DemoCommand() {
        this(System.getenv(), Clock.systemUTC());
    }

    DemoCommand(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = eventsDir != null ? eventsDir : Path.of(System.getProperty("apigw.home", "."), "events");
        if (!Files.isDirectory(dir)) {
            spec.commandLine().getErr().println("apigw-insights demo: no events folder at " + dir.toAbsolutePath());
            return LocalWiring.BAD_INPUT;
        }
        String plans = usagePlans != null ? usagePlans
                : Files.exists(dir.resolve("usage-plans.json")) ? dir.resolve("usage-plans.json").toString() : "none";
        TransformerWiring wiring = LocalWiring.build("demo", geoIp.applyTo(LocalWiring.environment(env, plans)), clock,
                spec.commandLine().getErr());
        if (wiring == null) {
            return LocalWiring.BAD_INPUT;
        }

        List<Path> events = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "firehose-*.json")) {
            ds.forEach(events::add);
        }
        events.sort(null);
        Map<FirehoseResult, Integer> results = new EnumMap<>(FirehoseResult.class);
        Map<String, Integer> byType = new TreeMap<>();
        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> byCustomer = new TreeMap<>();
        Map<String, Integer> byCountry = new TreeMap<>();
        Map<String, Integer> bySignature = new TreeMap<>();
        Map<String, Integer> failureReasons = new TreeMap<>();
        int lines = 0;
        out.printf("apigw-insights demo: %d Firehose events from %s%nconfiguration: %s%n%n", events.size(), dir,
                wiring.settings().describe());
        for (Path e : events) {
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            BatchSummary s;
            try (InputStream in = Files.newInputStream(e)) {
                s = wiring.handle(in, response);
            }
            out.printf("  %-40s records=%3d ok=%3d dropped=%2d processingFailed=%2d entries=%3d%n",
                    e.getFileName(), s.recordsIn(), s.ok(), s.dropped(), s.processingFailed(), s.entriesOk());
            results.merge(FirehoseResult.Ok, s.ok(), Integer::sum);
            results.merge(FirehoseResult.Dropped, s.dropped(), Integer::sum);
            results.merge(FirehoseResult.ProcessingFailed, s.processingFailed(), Integer::sum);
            s.failures().forEach(f -> failureReasons.merge(f.result() + ": " + f.reason(), 1, Integer::sum));
            for (JsonNode r : MAPPER.readTree(response.toByteArray()).path("records")) {
                if (ResponseDecoder.result(r) != FirehoseResult.Ok) {
                    continue;
                }
                for (String line : ResponseDecoder.okData(r).split("\n")) {
                    JsonNode c = MAPPER.readTree(line);
                    lines++;
                    byType.merge(column(c, CanonicalField.API_TYPE).asText("unknown"), 1, Integer::sum);
                    byStatus.merge(column(c, CanonicalField.STATUS_CLASS).asText(column(c, CanonicalField.STATUS).asText("?")),
                            1, Integer::sum);
                    byCountry.merge(column(c, CanonicalField.CLIENT_COUNTRY).asText("(none: private, documentation or unknown address)"),
                            1, Integer::sum);
                    if (c.has(CanonicalField.API_KEY_ID.column())) {
                        byCustomer.merge(column(c, CanonicalField.CUSTOMER_ID).asText("?") + " / "
                                + column(c, CanonicalField.USAGE_PLAN_NAME).asText("-") + " ("
                                + column(c, CanonicalField.ENRICHMENT_STATUS).asText("-") + ")", 1, Integer::sum);
                    }
                    if (c.has(CanonicalField.ERROR_SIGNATURE.column())) {
                        bySignature.merge(column(c, CanonicalField.ERROR_SIGNATURE).asText(), 1, Integer::sum);
                    }
                }
            }
        }
        out.printf("%nRecords: %s; canonical rows: %d%n", results, lines);
        section(out, "Requests by API type", byType);
        section(out, "Requests by status class", byStatus);
        section(out, "Requests by customer / usage plan (enrichment status)", byCustomer);
        section(out, "Requests by client country (source_ip, GeoIP)", byCountry);
        section(out, "Error signatures (ids and numbers masked)", bySignature);
        section(out, "Records not delivered, and why (Firehose keeps failed ones under processing-failed/)", failureReasons);
        out.flush();
        return 0;
    }

    private static JsonNode column(JsonNode line, CanonicalField field) {
        return line.path(field.column());
    }

    private static void section(PrintWriter out, String title, Map<String, Integer> counts) {
        out.printf("%n%s%n", title);
        if (counts.isEmpty()) {
            out.println("  (none)");
        }
        counts.entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> out.printf("  %6d  %s%n", e.getValue(), e.getKey()));
    }
}
