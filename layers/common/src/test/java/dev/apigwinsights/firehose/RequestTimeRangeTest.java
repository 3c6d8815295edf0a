package dev.apigwinsights.firehose;

import static dev.apigwinsights.firehose.TransformerRun.base64;
import static dev.apigwinsights.firehose.TransformerRun.event;
import static dev.apigwinsights.firehose.TransformerRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, item 10: a row's time, and so its partition, is always one the table's partition
 * projection covers (2019 to a day after now): an out-of-range request time falls back to the
 * arrival time, and an out-of-range fallback fails the record instead of writing year 292278994.
 */
class RequestTimeRangeTest {
    private static final String NO_TIME = "{\"requestId\":\"r-1\",\"status\":\"200\",\"httpMethod\":\"GET\"}";

    private static String record(String id, String arrival, String line) {
        return "{\"recordId\":\"" + id + "\",\"approximateArrivalTimestamp\":" + arrival + ",\"data\":\"" + base64(line) + "\"}";
    }

    @Test
    void failsARecordWhoseOnlyTimeIsAnAbsurdArrivalTime() throws IOException {
        TransformerRun run = run(TransformerRun.transformer(), event("[" + record("far", "9.2e18", NO_TIME) + ","
                + record("old", "1420070400000", NO_TIME) + "," + record("future", "1830000000000", NO_TIME) + ","
                + record("negative", "-5", NO_TIME) + "," + record("ok", "1706770070000", NO_TIME) + "]"));
        for (int i = 0; i < 4; i++) {
            assertThat(run.result(i)).as("record %d", i).isEqualTo("ProcessingFailed");
            assertThat(run.reason(i)).startsWith("no usable request time");
        }
        assertThat(run.result(4)).isEqualTo("Ok");
        assertThat(run.record(4).get("metadata").get("partitionKeys").get("year").asText()).isEqualTo("2024");
    }

    @Test
    void fallsBackToTheArrivalTimeWhenTheRequestTimeIsOutsideThePartitions() throws IOException {
        String old = "{\"requestId\":\"r-1\",\"requestTime\":\"01/Feb/2015:06:47:49 +0000\",\"status\":\"200\"}";
        String future = "{\"requestId\":\"r-2\",\"requestTimeEpoch\":\"4102444800000\",\"status\":\"200\"}";
        TransformerRun run = run(TransformerRun.transformer(), event("[" + record("a", "1706770070000", old) + ","
                + record("b", "1706770070000", future) + "]"));
        for (int i = 0; i < 2; i++) {
            assertThat(run.result(i)).isEqualTo("Ok");
            assertThat(run.line(i, 0).get("request_time").asText()).isEqualTo("2024-02-01T06:47:50.000Z");
            assertThat(run.line(i, 0).get("extra").get("request_time_source").asText()).isEqualTo("firehose_arrival_time");
        }
        assertThat(run.line(0, 0).get("extra").get("requestTime").asText()).isEqualTo("01/Feb/2015:06:47:49 +0000");
    }
}
