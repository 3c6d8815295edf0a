package dev.apigwinsights.benchmarks;

import dev.apigwinsights.parse.AccessLogParseException;
import dev.apigwinsights.parse.AccessLogParser;
import dev.apigwinsights.parse.RawAccessLog;
import dev.apigwinsights.pipeline.PipelineConfig;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the auto-detecting parser (no LOG_FORMAT) costs per line for the plain-text shapes: the
 * console's REST CLF preset, which now passes the labelled-line check first, the Serverless
 * Framework's default {@code key: value} format and logfmt. Run from the repository root:
 * {@code java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main PlainLineParseBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
public class PlainLineParseBenchmark {
    private static final String CLF = "203.0.113.7 - - [01/Feb/2024:06:47:49 +0000] \"GET /pets/{petId} HTTP/1.1\" 200 512"
            + " c6af9ac6-7b61-11e6-9a41-93e8deadbeef Xyz123abcDEF=";
    private static final String SERVERLESS = "requestId: c6af9ac6-7b61-11e6-9a41-93e8deadbeef, ip: 203.0.113.7, caller: -, user: -,"
            + " requestTime: 01/Feb/2024:06:47:49 +0000, httpMethod: GET, resourcePath: /pets/{petId}, status: 200,"
            + " protocol: HTTP/1.1, responseLength: 512";
    private static final String LOGFMT = "requestId=c6af9ac6-7b61-11e6-9a41-93e8deadbeef ip=203.0.113.7"
            + " requestTime=\"01/Feb/2024:06:47:49 +0000\" httpMethod=GET resourcePath=/pets/{petId} status=200"
            + " ua=\"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)\" responseLength=512";

    @Param({"clf", "serverless", "logfmt"})
    public String shape;

    private byte[] line;
    private final AccessLogParser parser = PipelineConfig.parserFor(null);
    private final RawAccessLog out = new RawAccessLog();

    @Setup
    public void setUp() {
        String text = switch (shape) {
            case "clf" -> CLF;
            case "serverless" -> SERVERLESS;
            default -> LOGFMT;
        };
        line = text.getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public RawAccessLog parseOneLine() throws AccessLogParseException {
        out.reset();
        parser.parse(line, 0, line.length, out);
        return out;
    }
}
