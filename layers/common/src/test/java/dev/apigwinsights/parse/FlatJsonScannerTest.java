package dev.apigwinsights.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwinsights.schema.ContextVariable;
import dev.apigwinsights.eventkit.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The byte fast path (FlatJsonScanner, used by parse(byte[])) must read every line exactly as the
 * general path (Jackson, then repair: parse(String)) does, or give up and let it decide.
 */
class FlatJsonScannerTest {
    private final JsonAccessLogParser parser = new JsonAccessLogParser(KeyAliases.standard());

    private Map<String, String> viaBytes(String line) {
        RawAccessLog raw = new RawAccessLog();
        try {
            byte[] b = ("  " + line + " \n").getBytes(StandardCharsets.UTF_8);
            parser.parse(b, 2, b.length - 2, raw);
        } catch (AccessLogParseException e) {
            return Map.of("<error>", "");
        }
        return flatten(raw);
    }

    private Map<String, String> viaString(String line) {
        RawAccessLog raw = new RawAccessLog();
        try {
            parser.parse(line, raw);
        } catch (AccessLogParseException e) {
            return Map.of("<error>", "");
        }
        return flatten(raw);
    }

    private static Map<String, String> flatten(RawAccessLog raw) {
        Map<String, String> m = new LinkedHashMap<>();
        for (ContextVariable v : ContextVariable.values()) {
            if (raw.get(v) != null) {
                m.put(v.path(), raw.get(v));
            }
        }
        raw.extras().forEach((k, v) -> m.put("extra:" + k, v));
        return m;
    }

    @Test
    void readsEveryFixtureLineExactlyAsTheGeneralPath() {
        List<String> lines = new ArrayList<>();
        for (String f : List.of("rest-reference-sample.jsonl", "rest-sumo.jsonl", "rest-elastic.jsonl", "rest-console-json.jsonl",
                "http-dynatrace.jsonl", "websocket.jsonl", "broken-json.jsonl")) {
            lines.addAll(Fixtures.lines(f));
        }
        for (String line : lines) {
            assertThat(viaBytes(line)).as(line).isEqualTo(viaString(line));
        }
    }

    @Test
    void agreesWithTheGeneralPathOnMutatedLines() {
        SplittableRandom random = new SplittableRandom(7);
        List<String> seeds = new ArrayList<>(Fixtures.lines("rest-reference-sample.jsonl"));
        seeds.add("{\"status\":200,\"latency\":-1.5e3,\"ok\":true,\"none\":null,\"nested\":{\"a\":\"b\"},\"arr\":[1]}");
        seeds.add("{\"ua\":\"caf\u00e9 \u65e5\u672c \\u00e9 \\\" esc\",\"ip\":\"1.2.3.4\"}");
        seeds.add("{}");
        String alphabet = "{}[]\":,\\-0123456789 \tnulltruefalse\u00e9";
        for (int i = 0; i < 5000; i++) {
            StringBuilder line = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
            int edits = random.nextInt(4);
            for (int e = 0; e < edits && line.length() > 0; e++) {
                int at = random.nextInt(line.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> line.setCharAt(at, c);
                    case 1 -> line.insert(at, c);
                    default -> line.deleteCharAt(at);
                }
            }
            String l = line.toString();
            assertThat(viaBytes(l)).as(l).isEqualTo(viaString(l));
        }
    }

    @Test
    void tellsApartCachedKeysThatDifferOnlyInTheirMiddleOrLastByte() {
        // the key cache matches keys by length and their first and last eight bytes; longer keys also byte by byte
        List<String> lines = List.of(
                "{\"integrationLatency\":\"12\",\"ip\":\"1.2.3.4\"}",
                "{\"integratXYnLatency\":\"13\",\"iq\":\"1.2.3.5\"}",
                "{\"integrationLatencz\":\"14\",\"status\":\"200\",\"statut\":\"201\"}",
                "{\"integrationLatency\":\"15\",\"i\u00e9\":\"caf\u00e9\",\"ip\":\"x\"}");
        List<String> reversed = new ArrayList<>(lines);
        Collections.reverse(reversed);
        for (List<String> order : List.of(lines, reversed, lines)) {
            for (String line : order) {
                assertThat(viaBytes(line)).as(line).isEqualTo(viaString(line));
            }
        }
    }

    @Test
    void tellsApartLongKeysThatDifferInAnyMiddleByte() {
        // keys of 17 to 40 bytes: a difference anywhere between their first and last eight bytes tells them apart
        for (int length = 17; length <= 40; length++) {
            String key = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP".substring(0, length);
            for (int changed = 8; changed < length - 8; changed++) {
                String other = key.substring(0, changed) + '_' + key.substring(changed + 1);
                String line = "{\"" + key + "\":\"1\",\"" + other + "\":\"2\"}";
                String swapped = "{\"" + other + "\":\"3\",\"" + key + "\":\"4\"}";
                assertThat(viaBytes(line)).as(line).isEqualTo(viaString(line));
                assertThat(viaBytes(swapped)).as(swapped).isEqualTo(viaString(swapped));
            }
        }
    }
}
