package dev.apigwinsights.local.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceRecordTest {

    @Test
    void envelopeWritesEveryHeaderMemberBeforeLogEventsAsCloudWatchDoes() {
        // The transformer's byte path reads an envelope only when messageType, owner, logGroup and
        // logStream all come before logEvents; without them it falls back to its Jackson reader.
        SourceRecord r = SourceRecord.cloudWatch(null, "stream-1", List.of(
                new SourceRecord.LogEvent(1_700_000_000_000L, "{\"a\":\"x\"}".getBytes(StandardCharsets.UTF_8)),
                new SourceRecord.LogEvent(1_700_000_000_001L, "line é\n".getBytes(StandardCharsets.UTF_8))));

        assertThat(new String(r.data(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"messageType\":\"DATA_MESSAGE\",\"owner\":null,\"logGroup\":null,\"logStream\":\"stream-1\",\"logEvents\":["
                        + "{\"timestamp\":1700000000000,\"message\":\"{\\\"a\\\":\\\"x\\\"}\"},"
                        + "{\"timestamp\":1700000000001,\"message\":\"line é\\u000a\"}]}");
        assertThat(r.knownEntries()).isEqualTo(2);
        assertThat(r.arrivalMs()).isEqualTo(1_700_000_000_000L);
    }

    @Test
    void envelopeNamesAKnownLogGroupAndWritesNullForAnUnknownStream() {
        SourceRecord r = SourceRecord.cloudWatch("/aws/apigateway/\"odd\"", null,
                List.of(new SourceRecord.LogEvent(5, "m".getBytes(StandardCharsets.UTF_8))));

        assertThat(new String(r.data(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"messageType\":\"DATA_MESSAGE\",\"owner\":null,\"logGroup\":\"/aws/apigateway/\\\"odd\\\"\",\"logStream\":null,"
                        + "\"logEvents\":[{\"timestamp\":5,\"message\":\"m\"}]}");
    }
}
