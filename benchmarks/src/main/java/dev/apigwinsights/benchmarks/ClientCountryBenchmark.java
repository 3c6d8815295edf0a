package dev.apigwinsights.benchmarks;

import dev.apigwinsights.geo.ClientCountries;
import dev.apigwinsights.geo.CountryDatabase;
import java.util.SplittableRandom;
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

/**
 * One client_country lookup on the bundled snapshot, in ns:
 * {@code hit}: the address is in the cache (the common case: clients repeat);
 * {@code miss}: every lookup parses, checks the special-purpose ranges and walks the database
 * (a one-slot cache over 4,096 distinct public addresses, three quarters IPv4, one IPv6).
 * The whole-transformer cost is {@code TransformerBenchmark}'s {@code geoip} parameter.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar ClientCountryBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClientCountryBenchmark {
    @Param({"hit", "miss"})
    public String cache;

    private ClientCountries countries;
    private String[] addresses;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        countries = new ClientCountries(CountryDatabase.bundled(), cache.equals("hit") ? ClientCountries.DEFAULT_CACHE_ENTRIES : 1);
        SplittableRandom r = new SplittableRandom(11);
        addresses = new String[cache.equals("hit") ? 1_024 : 4_096];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = i % 4 == 3
                    ? String.format("2a0%x:%x:%x::%x", r.nextInt(16), r.nextInt(0x10000), r.nextInt(0x10000), r.nextInt(0x10000))
                    : (1 + r.nextInt(222)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256);
        }
    }

    @Benchmark
    public String lookUp() {
        String a = addresses[next];
        next = (next + 1) & (addresses.length - 1);
        return countries.countryOf(new String(a)); // a fresh String, as each parsed record has: no cached hash
    }
}
