package dev.apigwinsights.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigwinsights.local.store.LocalStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Runs ingest and reads the store back the way users do: through the CLI and the access_logs view. */
final class StoreTestSupport {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-10T12:00:00Z"), ZoneOffset.UTC);
    static final ObjectMapper JSON = new ObjectMapper();
    /** 2024-02-01T06:47:00Z */
    static final long T0 = 1_706_770_020_000L;

    private StoreTestSupport() {
    }

    static CliTestSupport.Result ingest(String... args) {
        return ingest(InputStream.nullInputStream(), args);
    }

    static CliTestSupport.Result ingest(InputStream stdin, String... args) {
        return CliTestSupport.run(new IngestCommand(Map.of(), CLOCK, stdin), args);
    }

    /** The JSON summary an ingest with {@code --json} printed. */
    static JsonNode summary(CliTestSupport.Result r) throws IOException {
        return JSON.readTree(r.out());
    }

    static List<Map<String, Object>> rows(Path dataDir, String sql) throws SQLException {
        try (LocalStore store = LocalStore.open(dataDir); Statement s = store.connection().createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<Map<String, Object>> out = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i), rs.getObject(i));
                }
                out.add(row);
            }
            return out;
        }
    }

    static long count(Path dataDir, String table) throws SQLException {
        return ((Number) rows(dataDir, "SELECT count(*) AS n FROM " + table).get(0).get("n")).longValue();
    }

    /** A REST access-log line in JSON, with request id {@code req-<i>} at {@code T0 + i} seconds. */
    static String jsonLine(int i) {
        return String.format("{\"requestId\":\"req-%05d\",\"requestTimeEpoch\":\"%d\",\"apiId\":\"a1b2c3d4e5\",\"stage\":\"prod\","
                + "\"httpMethod\":\"GET\",\"resourcePath\":\"/pets/{petId}\",\"path\":\"/prod/pets/%d\",\"status\":\"%d\","
                + "\"ip\":\"198.51.100.%d\",\"responseLatency\":\"%d\",\"identityApiKeyId\":\"k1acme0001\"}",
                i, T0 + i * 1000L, i, i % 10 == 0 ? 404 : 200, i % 250, 10 + i % 90);
    }

    static List<String> jsonLines(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(jsonLine(i));
        }
        return out;
    }

    static Path write(Path file, List<String> lines) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    static Path writeGzip(Path file, List<String> lines) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, gzip((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
        return file;
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    /** A CloudWatch Logs export line: the event time, a space, the message. */
    static String exported(long eventMs, String message) {
        return Instant.ofEpochMilli(eventMs).toString().replace("Z", "").replaceFirst("(T\\d\\d:\\d\\d:\\d\\d)$", "$1.000") + "Z " + message;
    }
}
