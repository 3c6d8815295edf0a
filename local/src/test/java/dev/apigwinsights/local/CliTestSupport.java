package dev.apigwinsights.local;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs CLI commands in-process and captures what they print. */
public final class CliTestSupport {
    public record Result(int exitCode, String out, String err) {
    }

    private CliTestSupport() {
    }

    static Path events() {
        return Path.of(System.getProperty("apigw.events.dir", "../events"));
    }

    public static Result run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
