package dev.apigwinsights.local;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/** How a command reports a failure: one line on stderr, {@code apigw-insights <command>: <message>}, and its exit code. */
final class CommandFailure {
    private CommandFailure() {
    }

    /** Prints {@code message} for {@code spec}'s command on its error stream and returns {@code code}. */
    static int fail(CommandSpec spec, int code, String message) {
        return fail(spec.commandLine().getErr(), spec.name(), code, message);
    }

    /** The same for code shared between commands, which names the command it runs as. */
    static int fail(PrintWriter err, String command, int code, String message) {
        err.println("apigw-insights " + command + ": " + message);
        err.flush();
        return code;
    }
}
