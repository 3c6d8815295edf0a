package dev.apigwinsights.benchmarks;

import dev.apigwinsights.enrich.Enricher;
import dev.apigwinsights.firehose.FirehoseBatchTransformer;
import dev.apigwinsights.geo.ClientCountries;
import dev.apigwinsights.pipeline.PipelineConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Transformer throughput on a realistic 3 MB Firehose batch of ~1.3 KB REST records, one
 * thread. The score is one whole batch per op; records/s = records per batch / (s/op), printed
 * at setup. Run with {@code -prof gc} for allocation per batch (gc.alloc.rate.norm).
 * Target (issue 2): at least 150,000 records/s on one core, under 64 MB allocated per batch;
 * (issue 3): enrichment adds under 10% per record; (issue 11): the client_country lookup adds at
 * most 5% ({@code geoip} = {@code none} vs {@code bundled}, A/B in one run). Run from the repository root.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class TransformerBenchmark {
    /** none: parsing only; file: with usage-plan enrichment from events/usage-plans.json (warm snapshot). */
    @Param({"none", "file"})
    public String enrichment;

    /** none: no country lookups (GEOIP_DATABASE=none); bundled: the shipped snapshot (GEOIP_DATABASE unset). */
    @Param({"none", "bundled"})
    public String geoip;

    private byte[] event;
    private FirehoseBatchTransformer transformer;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(8 << 20);

    @Setup(Level.Trial)
    public void setUp() {
        event = RealisticBatch.event(3_000_000);
        ClientCountries countries = ClientCountries.fromSetting(geoip.equals("bundled") ? null : geoip);
        transformer = new FirehoseBatchTransformer(PipelineConfig.pipeline(null, countries, enricher(), Clock.systemUTC()));
        System.out.printf("%nbatch: %d bytes, %d records%n", event.length, RealisticBatch.records(event));
    }

    Enricher enricher() {
        if (enrichment.equals("none")) {
            return Enricher.NONE;
        }
        return dev.apigwinsights.enrich.Enrichers.fromSetting(
                System.getProperty("apigw.usagePlans", "events/usage-plans.json"), Map.of(), java.time.Clock.systemUTC());
    }

    @Benchmark
    public void transformBatch(Blackhole bh) throws IOException {
        out.reset();
        bh.consume(transformer.transform(new ByteArrayInputStream(event), out));
    }
}
