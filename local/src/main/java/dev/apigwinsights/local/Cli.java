package dev.apigwinsights.local;

/** Entry point of the apigw-insights command line (filled in by the CLI work). */
public final class Cli {
    private Cli() {
    }

    public static void main(String[] args) {
        System.err.println("apigw-insights: not built yet");
        System.exit(2);
    }
}
