package dev.apigwinsights.benchmarks;

import static dev.apigwinsights.schema.CanonicalField.*;

import dev.apigwinsights.derive.Derivations;
import dev.apigwinsights.derive.ErrorSignatures;
import dev.apigwinsights.derive.UserAgentClassifier;
import dev.apigwinsights.schema.CanonicalRecord;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of {@link Derivations#derive} per record on the hot path, with the user agent already
 * cached. Each operation builds a fresh record (derive fills it, so it cannot be reused);
 * {@link #buildOnly} measures that part alone, to subtract.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DerivationsBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class DerivationsBenchmark {

    private static final String CHROME_MAC =
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36";
    private static final String LAMBDA_TIMEOUT = "The Lambda function returned the following error: RequestId: "
            + "01fe3839-4974-40d5-960a-173fcb5ec786 Error: Task timed out after 5.00 seconds. "
            + "Check your Lambda function code and try again.";

    private Derivations derivations;

    @Setup
    public void setUp() {
        UserAgentClassifier classifier = new UserAgentClassifier(10_000);
        classifier.preload();
        derivations = new Derivations(classifier);
        derivations.derive(successRecord());
    }

    /** A successful REST request with an API key, as a console-style JSON format logs it. */
    static CanonicalRecord successRecord() {
        // New strings each time, as the parser would produce: no identity-equality shortcuts.
        return new CanonicalRecord()
                .set(REQUEST_ID, new String("c6af9ac6-7b61-11e6-9a41-93e8deadbeef"))
                .set(EXTENDED_REQUEST_ID, new String("Sca3bFUQgi0EYeA="))
                .set(API_ID, new String("a1b2c3d4e5"))
                .set(STAGE, new String("prod"))
                .set(DOMAIN_NAME, new String("a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com"))
                .set(HTTP_METHOD, new String("GET"))
                .set(RESOURCE_PATH, new String("/pets/{petId}"))
                .set(PATH, new String("/prod/pets/42"))
                .set(PROTOCOL, new String("HTTP/1.1"))
                .setLong(STATUS, 200L)
                .setLong(RESPONSE_LENGTH, 512L)
                .setLong(RESPONSE_LATENCY_MS, 48L)
                .setLong(INTEGRATION_LATENCY_MS, 41L)
                .set(SOURCE_IP, new String("203.0.113.9"))
                .set(USER_AGENT, new String(CHROME_MAC))
                .set(API_KEY_ID, new String("k7x2a9b3c1"));
    }

    /** A failed HTTP API request whose Lambda timed out (seed 002). */
    static CanonicalRecord errorRecord() {
        return new CanonicalRecord()
                .set(REQUEST_ID, new String("Dzfa6gNrrks42Tw="))
                .set(HTTP_METHOD, new String("GET"))
                .set(ROUTE_KEY, new String("ANY /"))
                .set(PATH, new String("/getStuff"))
                .set(PROTOCOL, new String("HTTP/1.1"))
                .set(DOMAIN_NAME, new String("a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com"))
                .setLong(STATUS, 500L)
                .setLong(RESPONSE_LATENCY_MS, 5012L)
                .set(USER_AGENT, new String(CHROME_MAC))
                .set(ERROR_MESSAGE, new String("Internal Server Error"))
                .set(INTEGRATION_ERROR, new String(LAMBDA_TIMEOUT));
    }

    @Benchmark
    public CanonicalRecord buildOnly() {
        return successRecord();
    }

    @Benchmark
    public CanonicalRecord deriveSuccess() {
        CanonicalRecord r = successRecord();
        derivations.derive(r);
        return r;
    }

    @Benchmark
    public CanonicalRecord deriveLambdaTimeout() {
        CanonicalRecord r = errorRecord();
        derivations.derive(r);
        return r;
    }

    @Benchmark
    public String errorSignature() {
        return ErrorSignatures.of(LAMBDA_TIMEOUT);
    }
}
