package dev.apigwinsights.local.replay;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.firehose.model.InvalidSourceException;
import software.amazon.awssdk.services.firehose.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * {@code apigw-insights replay}: re-sends the records Firehose wrote to
 * {@code errors/processing-failed/} (a failed invocation, or records the transformer answered
 * ProcessingFailed, such as "response size budget exceeded") to a delivery stream, so they reach the
 * table after all. Prints progress per object on stderr and a summary on stdout; never record contents.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Re-send records Firehose set aside in errors/processing-failed/ to a delivery stream (PutRecordBatch).",
            "CloudWatch Logs envelopes are re-put uncompressed and split to fit; direct-put records as they were.",
            "Replaying the same documents twice sends them twice: use a time window or --start-after."})
public final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "s3://BUCKET/PREFIX|PATH",
            description = "Error documents: an S3 prefix such as s3://BUCKET/errors/processing-failed/, or local files and folders (repeatable).")
    List<String> sources;

    @Option(names = "--delivery-stream", required = true, paramLabel = "NAME",
            description = "Stream to re-put into: the stack's DeliveryStreamName output (amazon-apigateway-<ProjectName>).")
    String deliveryStream;

    @Option(names = "--from", paramLabel = "DATE|INSTANT",
            description = "Only records Firehose received at or after this (2025-01-31 or 2025-01-31T10:00:00Z, UTC).")
    String from;

    @Option(names = "--to", paramLabel = "DATE|INSTANT", description = "Only records Firehose received before this.")
    String to;

    @Option(names = "--start-after", paramLabel = "KEY", description = "S3 only: skip objects up to and including this key (resume an interrupted replay).")
    String startAfter;

    @Option(names = "--region", description = "AWS region of the bucket and stream. Default: AWS_REGION or the profile's region.")
    String region;

    @Option(names = "--dry-run", description = "Read and plan everything, report what would be sent, send nothing.")
    boolean dryRun;

    @Option(names = "--max-attempts", defaultValue = "8", paramLabel = "N",
            description = "Attempts per batch before the records Firehose still refuses count as failed (default ${DEFAULT-VALUE}).")
    int maxAttempts;

    private final Function<String, ReplayClients> clients;
    private final Backoff backoff;

    public ReplayCommand() {
        this(ReplayClients::aws, Backoff.standard());
    }

    ReplayCommand(Function<String, ReplayClients> clients, Backoff backoff) {
        this.clients = clients;
        this.backoff = backoff;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TimeWindow window;
        try {
            window = new TimeWindow(TimeWindow.parse("--from", from), TimeWindow.parse("--to", to));
        } catch (IllegalArgumentException e) {
            err.println("apigw-insights replay: " + e.getMessage());
            return 2;
        }
        try (ReplayClients aws = clients.apply(region)) {
            Optional<ErrorDocumentSource> source = source(aws, err);
            if (source.isEmpty()) {
                return 2;
            }
            PutRecordBatchSender sender = dryRun ? null : new PutRecordBatchSender(aws.firehose(), deliveryStream, backoff, maxAttempts);
            Replayer replayer = new Replayer(new ReplayPlanner(), sender, window, err);
            err.printf("%s %s to %s%s%n", dryRun ? "Planning a replay of" : "Replaying", source.get().describe(), deliveryStream,
                    window.isOpen() ? "" : ", arrival time in [" + orOpen(window.from()) + ", " + orOpen(window.to()) + ")");
            ReplayStats stats = new ReplayStats();
            try {
                replayer.run(source.get(), stats);
            } catch (ResourceNotFoundException e) {
                return stopped(err, replayer, "delivery stream " + deliveryStream + " not found (check --delivery-stream and --region)");
            } catch (InvalidSourceException e) {
                return stopped(err, replayer, deliveryStream + " decompresses CloudWatch Logs records and accepts no other producer;"
                        + " replay into the direct-put stream (DeliveryStreamName output, amazon-apigateway-<ProjectName>)");
            } catch (NoSuchBucketException e) {
                return stopped(err, replayer, "no such bucket: " + source.get().describe());
            } catch (NoSuchFileException e) {
                return stopped(err, replayer, "no such file or folder: " + e.getFile());
            } catch (SdkException e) {
                return stopped(err, replayer, e.getClass().getSimpleName() + ": " + e.getMessage());
            } catch (IOException | UncheckedIOException e) {
                return stopped(err, replayer, "cannot read " + source.get().describe() + ": " + e.getMessage());
            }
            stats.print(out, deliveryStream, dryRun);
            return stats.complete() ? 0 : 1;
        }
    }

    private Optional<ErrorDocumentSource> source(ReplayClients aws, PrintWriter err) {
        boolean s3 = sources.stream().anyMatch(s -> s.startsWith("s3://"));
        if (!s3) {
            if (startAfter != null) {
                err.println("apigw-insights replay: --start-after applies to an S3 source only");
                return Optional.empty();
            }
            return Optional.of(new LocalErrorDocuments(sources.stream().map(Path::of).toList()));
        }
        Optional<String[]> bucketAndPrefix = S3ErrorDocuments.parse(sources.get(0));
        if (sources.size() != 1 || bucketAndPrefix.isEmpty()) {
            err.println("apigw-insights replay: give one S3 source as s3://BUCKET/PREFIX, or local paths only");
            return Optional.empty();
        }
        return Optional.of(new S3ErrorDocuments(aws.s3(), bucketAndPrefix.get()[0], bucketAndPrefix.get()[1], startAfter));
    }

    private static String orOpen(java.time.Instant instant) {
        return instant == null ? "open" : instant.toString();
    }

    private static int stopped(PrintWriter err, Replayer replayer, String why) {
        err.println("apigw-insights replay: stopped: " + why);
        if (replayer.lastDone() != null) {
            err.println("Everything up to and including " + replayer.lastDone() + " was sent; resume with --start-after "
                    + replayer.lastDone());
        }
        err.flush();
        return 2;
    }
}
