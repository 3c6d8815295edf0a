package dev.apigwinsights.local;

import static dev.apigwinsights.local.CommandFailure.fail;

import dev.apigwinsights.firehose.FirehoseBatchTransformer;
import dev.apigwinsights.local.ingest.Ingest;
import dev.apigwinsights.local.ingest.IngestInput;
import dev.apigwinsights.local.ingest.IngestSummary;
import dev.apigwinsights.local.ingest.InputFiles;
import dev.apigwinsights.local.ingest.Progress;
import dev.apigwinsights.local.store.IngestLock;
import dev.apigwinsights.local.store.StoreLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ingest}: reads log exports into the local store through the same transformer as the
 * Lambda, behind a Firehose simulator. See docs/local-mode.md.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingest API Gateway access logs into the local store (DuckDB over Parquet), through the same"
                + " transformer as the Lambda. Each input's kind is recognised from its content: access-log lines (any"
                + " format), CloudWatch Logs exports, 'aws logs tail' output, 'aws logs filter-log-events'/'get-log-events'"
                + " output (JSON or text) or its events alone, Logs Insights"
                + " results (CSV, JSON, or get-query-results output), log events as CSV (timestamp,message), JSON arrays of access-log objects or lines, Firehose events,"
                + " CloudWatch subscription payloads, this stack's Firehose-delivered JSON objects, or Firehose"
                + " processing-failed documents (a replay). Plain or gzip; zip and tar (.tar.gz) archives are read file by file."
                + " Re-ingesting the same data stores nothing twice."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:everything was read", "1:some input could not be read to its end (the rest was ingested)",
            "2:nothing was ingested: bad option, missing or unreadable input, store busy or unwritable"})
public final class IngestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: ~/.local/share/apigw-insights/data, see docs/local-mode.md).")
    Path data;

    @Option(names = "--usage-plans", paramLabel = "FILE|aws|none",
            description = "Usage plans for enrichment: a usage-plans file, 'aws' for the live account, or 'none'. Default: $USAGE_PLANS, else none.")
    String usagePlans;

    @Option(names = "--log-format", paramLabel = "STRING",
            description = "The stage's access-log format, as LOG_FORMAT in the Lambda. Default: $LOG_FORMAT, else recognised per line.")
    String logFormat;

    @Mixin
    GeoIpOption geoIp = new GeoIpOption();

    @Option(names = "--json", description = "Print the summary as one JSON object on stdout (nothing else goes to stdout).")
    boolean json;

    @Option(names = "--threads", hidden = true, description = "Transformer threads (default: one per core).")
    Integer threads;

    @Option(names = "--chunk-rows", hidden = true, description = "Rows per store commit.")
    Long chunkRows;

    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = "Files, directories (recursive), zip or tar archives, pipes (<(zcat logs.gz)), or '-' for standard input.")
    List<String> inputs = new ArrayList<>();

    private final Map<String, String> env;
    private final Clock clock;
    private final InputStream stdin;

    public IngestCommand() {
        this(System.getenv(), Clock.systemUTC(), System.in);
    }

    IngestCommand(Map<String, String> env, Clock clock, InputStream stdin) {
        this.env = env;
        this.clock = clock;
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = data != null ? data : DataDirs.store(env);
        String notADirectory = DataDirs.notAStoreDirectory(dir);
        if (notADirectory != null) {
            return fail(spec, 2, notADirectory);
        }
        List<IngestInput> files;
        FirehoseBatchTransformer transformer;
        try {
            files = InputFiles.expand(inputs, new StoreLayout(dir));
            transformer = LocalWiring.create(geoIp.applyTo(LocalWiring.environment(env, usagePlans, logFormat)), clock).transformer();
        } catch (InputFiles.BadInputException | IllegalArgumentException | UncheckedIOException e) {
            return fail(spec, 2, e.getMessage());
        }
        Ingest.Options defaults = Ingest.Options.defaults();
        Ingest.Options options = new Ingest.Options(chunkRows != null ? chunkRows : defaults.chunkRows(),
                defaults.duckDbMemoryLimit(), threads != null ? threads : defaults.workers(), defaults.duckDbThreads());
        long total = files.stream().mapToLong(f -> f.size() < 0 ? 0 : f.size()).sum();
        boolean terminal = System.console() != null;
        IngestSummary summary;
        try (Progress progress = terminal ? Progress.bar(new PrintStream(System.err, true, java.nio.charset.StandardCharsets.UTF_8),
                files.stream().anyMatch(f -> f.size() < 0) ? -1 : total) : Progress.none()) {
            summary = new Ingest(transformer, clock, stdin).run(dir, files, options, progress);
        } catch (IngestLock.StoreBusyException e) {
            return fail(spec, 2, e.getMessage());
        } catch (IOException | SQLException | RuntimeException e) {
            return fail(spec, 1, "cannot write the store at " + dir + ": " + e.getMessage()
                    + " (whole days committed before this stay stored; run again to complete)");
        }
        if (json) {
            out.println(summary.toJson());
        } else {
            out.print(summary.toText());
        }
        out.flush();
        for (String e : summary.inputErrors()) {
            err.println("apigw-insights ingest: " + e);
        }
        err.flush();
        return summary.inputErrors().isEmpty() ? 0 : 1;
    }
}
