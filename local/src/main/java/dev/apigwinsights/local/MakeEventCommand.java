package dev.apigwinsights.local;

import dev.apigwinsights.eventkit.FirehoseEventBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Builds a Firehose transformation event from access-log lines, for {@code invoke},
 * {@code sam local invoke -e} and tests. Records are emitted in option order groups: direct
 * lines, whole-file records, CloudWatch records, control message, raw records.
 */
@Command(name = "make-event", mixinStandardHelpOptions = true,
        description = "Build a Firehose transformation event from access-log lines (direct put or CloudWatch subscription).")
public final class MakeEventCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--direct", paramLabel = "FILE", description = "Each non-blank line becomes one direct-put record (REST -> Firehose).")
    List<Path> direct = new ArrayList<>();

    @Option(names = "--direct-file", paramLabel = "FILE", description = "The whole file becomes one direct-put record.")
    List<Path> directFile = new ArrayList<>();

    @Option(names = "--cloudwatch", paramLabel = "FILE", description = "Lines become log events of CloudWatch Logs subscription records (gzip envelopes).")
    List<Path> cloudwatch = new ArrayList<>();

    @Option(names = "--events-per-record", defaultValue = "6", description = "Log events per CloudWatch record (default ${DEFAULT-VALUE}).")
    int eventsPerRecord;

    @Option(names = "--log-group", defaultValue = "/aws/apigateway/http-api-access-logs", description = "CloudWatch log group name.")
    String logGroup;

    @Option(names = "--control", description = "Add a CloudWatch Logs CONTROL_MESSAGE record.")
    boolean control;

    @Option(names = "--gzip-file", paramLabel = "FILE", description = "A record holding the gzip of FILE (not an envelope).")
    List<Path> gzipFile = new ArrayList<>();

    @Option(names = "--raw-base64", paramLabel = "TEXT", description = "A record whose data field is TEXT verbatim.")
    List<String> rawBase64 = new ArrayList<>();

    @Option(names = "--truncated-gzip", description = "Add a record holding a truncated gzip stream.")
    boolean truncatedGzip;

    @Option(names = "--arrival", defaultValue = "1706770070000", description = "Approximate arrival time of the first record, epoch ms.")
    long arrival;

    @Option(names = "--stream-arn", defaultValue = "arn:aws:firehose:us-east-1:123456789012:deliverystream/amazon-apigateway-apigw-insights")
    String streamArn;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of stdout.")
    Path output;

    @Override
    public Integer call() throws IOException {
        FirehoseEventBuilder b = new FirehoseEventBuilder(streamArn, arrival);
        for (Path p : direct) {
            for (String line : lines(p)) {
                b.direct(line);
            }
        }
        for (Path p : directFile) {
            b.raw(Files.readAllBytes(p));
        }
        for (Path p : cloudwatch) {
            List<String> lines = lines(p);
            String stream = p.getFileName().toString().replaceAll("\\W", "-");
            for (int i = 0; i < lines.size(); i += eventsPerRecord) {
                b.cloudWatch(logGroup, stream, lines.subList(i, Math.min(lines.size(), i + eventsPerRecord)), arrival + i * 1000L);
            }
        }
        if (control) {
            b.cloudWatchControl();
        }
        for (Path p : gzipFile) {
            b.raw(FirehoseEventBuilder.gzip(Files.readAllBytes(p)));
        }
        if (truncatedGzip) {
            byte[] gz = FirehoseEventBuilder.gzip("{\"messageType\":\"DATA_MESSAGE\",\"logEvents\":[]}".getBytes(StandardCharsets.UTF_8));
            b.raw(java.util.Arrays.copyOf(gz, gz.length / 2));
        }
        for (String s : rawBase64) {
            b.rawBase64(s);
        }
        String json = b.toJson();
        if (output != null) {
            Files.writeString(output, json, StandardCharsets.UTF_8);
        } else {
            spec.commandLine().getOut().print(json);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    private static List<String> lines(Path p) throws IOException {
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            if (!l.isBlank()) {
                out.add(l);
            }
        }
        return out;
    }
}
