package dev.apigwinsights.local;

import dev.apigwinsights.local.format.FormatReport;
import dev.apigwinsights.local.format.FormatValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Checks an API Gateway access-log format (the value for {@code LOG_FORMAT}) before it is
 * deployed: prints a report and a sample line parsed back. Exit code 0 when the format is usable
 * (warnings allowed), 1 when it is not, 2 for a usage or input error.
 */
@Command(name = "validate-format", mixinStandardHelpOptions = true,
        description = {
            "Check an API Gateway access-log format: whether API Gateway accepts it, whether apigw-insights can parse it,"
                    + " what the dashboards miss, which columns it fills; then parse a sample line rendered from it.",
            "Quote the format for the shell, e.g. validate-format '{\"requestId\":\"$context.requestId\"}'."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the format is usable (warnings allowed)", "1:the format is not usable",
            "2:usage or input error"})
public final class ValidateFormatCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FORMAT",
            description = "The format, exactly as set on the stage.")
    String format;

    @Option(names = "--file", paramLabel = "FILE",
            description = "Read the format from FILE ('-' for standard input); trailing line breaks are ignored.")
    String file;

    private final InputStream stdin;

    public ValidateFormatCommand() {
        this(System.in);
    }

    ValidateFormatCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((format == null) == (file == null)) {
            err.println("apigw-insights validate-format: give the format as an argument or with --file, not "
                    + (format == null ? "neither" : "both"));
            err.flush();
            return 2;
        }
        String text = format;
        if (file != null) {
            try {
                text = read(file).replaceFirst("[\\r\\n]+\\z", "");
            } catch (NoSuchFileException e) {
                err.println("apigw-insights validate-format: file not found: " + file);
                err.flush();
                return 2;
            } catch (IOException e) {
                err.println("apigw-insights validate-format: cannot read " + file + ": " + e.getMessage());
                err.flush();
                return 2;
            }
        }
        FormatReport report = new FormatValidator().validate(text);
        out.print(report.render());
        out.flush();
        return report.valid() ? 0 : 1;
    }

    private String read(String source) throws IOException {
        byte[] bytes = source.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(source));
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
