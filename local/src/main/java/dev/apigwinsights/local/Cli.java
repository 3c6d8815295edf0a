package dev.apigwinsights.local;

import dev.apigwinsights.local.replay.ReplayCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code apigw-insights} command line. */
@Command(name = "apigw-insights", mixinStandardHelpOptions = true, version = "apigw-insights 0.1.0",
        description = "Amazon API Gateway access-log analytics: run the Firehose transformer locally, check log formats, demo.",
        subcommands = {DemoCommand.class, IngestCommand.class, QueryCommand.class, ServeCommand.class, DashboardCommand.class,
            ReportCommand.class, InvokeCommand.class, ValidateFormatCommand.class, MakeEventCommand.class, ReplayCommand.class,
            CommandLine.HelpCommand.class})
public final class Cli {
    private Cli() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Cli());
    }
}
