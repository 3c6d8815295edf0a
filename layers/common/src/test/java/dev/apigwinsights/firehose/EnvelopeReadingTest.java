package dev.apigwinsights.firehose;

import static dev.apigwinsights.firehose.TransformerRun.MAPPER;
import static dev.apigwinsights.firehose.TransformerRun.base64;
import static dev.apigwinsights.firehose.TransformerRun.event;
import static dev.apigwinsights.firehose.TransformerRun.record;
import static dev.apigwinsights.firehose.TransformerRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 7, item 7: the Firehose event is read structurally. Only objects directly in the
 * top-level {@code records} array are records; every one with an id is answered exactly once,
 * with its id exactly as sent; nested values never fabricate a record; deep nesting and huge
 * numbers do not fail the batch.
 */
class EnvelopeReadingTest {
    private static final String LINE = "{\"requestId\":\"r-1\",\"requestTime\":\"01/Feb/2024:06:47:49 +0000\","
            + "\"httpMethod\":\"GET\",\"resourcePath\":\"/p\",\"status\":\"200\"}";
    private final FirehoseBatchTransformer transformer = TransformerRun.transformer();

    /** The recordId values of the request's answerable records, as JSON. */
    private static List<JsonNode> requestIds(String event) throws IOException {
        List<JsonNode> ids = new ArrayList<>();
        for (JsonNode r : MAPPER.readTree(event).get("records")) {
            if (r.isObject() && r.has("recordId")) {
                ids.add(r.get("recordId"));
            }
        }
        return ids;
    }

    private TransformerRun answersEveryRecordWithItsIdExactlyOnce(String event) throws IOException {
        TransformerRun run = run(transformer, event);
        assertThat(run.ids()).isEqualTo(requestIds(event));
        return run;
    }

    @Test
    void skipsElementsOfRecordsThatAreNotRecordsAndAnswersTheRest() throws IOException {
        String event = event("[null," + record("a", LINE) + ",\"x\",3,[{\"recordId\":\"nested\",\"data\":\"" + base64(LINE)
                + "\"}],true," + record("b", LINE) + ",{\"data\":\"" + base64(LINE) + "\"}]");
        TransformerRun run = answersEveryRecordWithItsIdExactlyOnce(event);
        assertThat(run.ids()).extracting(JsonNode::asText).containsExactly("a", "b");
        assertThat(run.result(0)).isEqualTo("Ok");
        assertThat(run.result(1)).isEqualTo("Ok");
        assertThat(run.summary().unanswerable()).as("null, string, number, array, boolean, object without id").isEqualTo(6);
    }

    @Test
    void neverTakesARecordFromAnObjectNestedInARecordsField() throws IOException {
        String fake = "{\"recordId\":\"fake\",\"data\":\"" + base64(LINE) + "\"}";
        String event = event("[{\"recordId\":\"a\",\"approximateArrivalTimestamp\":" + fake + ",\"data\":\"" + base64(LINE)
                + "\",\"kinesisRecordMetadata\":{\"records\":[" + fake + "]}}," + record("b", LINE) + "]");
        TransformerRun run = answersEveryRecordWithItsIdExactlyOnce(event);
        assertThat(run.ids()).extracting(JsonNode::asText).containsExactly("a", "b");
        assertThat(run.result(0)).isEqualTo("Ok");
        assertThat(run.line(0, 0).get("request_id").asText()).isEqualTo("r-1");
    }

    @Test
    void echoesANumericRecordIdAsANumber() throws IOException {
        String event = event("[{\"recordId\":12345,\"data\":\"" + base64(LINE) + "\"},{\"recordId\":-1.5e3,\"data\":\""
                + base64(LINE) + "\"}," + record("b", LINE) + "]");
        TransformerRun run = answersEveryRecordWithItsIdExactlyOnce(event);
        assertThat(run.record(0).get("recordId").isNumber()).isTrue();
        assertThat(run.record(0).get("recordId").asLong()).isEqualTo(12345);
        assertThat(run.result(0)).isEqualTo("Ok");
        assertThat(run.result(1)).isEqualTo("Ok");
    }

    @Test
    void echoesStringIdsWithTheirEscapesExactlyAsSent() throws IOException {
        String event = event("[{\"recordId\":\"a\\u0041\\n\\\"q\\\"\\\\\u00e9\",\"data\":\"" + base64(LINE) + "\"}]");
        TransformerRun run = answersEveryRecordWithItsIdExactlyOnce(event);
        assertThat(run.record(0).get("recordId").asText()).isEqualTo("aA\n\"q\"\\\u00e9");
    }

    @Test
    void failsARecordWhoseIdIsAnObjectOrArrayButStillAnswersIt() throws IOException {
        String event = event("[{\"recordId\":{\"recordId\":\"fake\",\"data\":\"" + base64(LINE) + "\"},\"data\":\"" + base64(LINE)
                + "\"},{\"recordId\":[\"x\",{\"y\":1}],\"data\":\"" + base64(LINE) + "\"}," + record("b", LINE) + "]");
        TransformerRun run = answersEveryRecordWithItsIdExactlyOnce(event);
        assertThat(run.result(0)).isEqualTo("ProcessingFailed");
        assertThat(run.result(1)).isEqualTo("ProcessingFailed");
        assertThat(run.result(2)).isEqualTo("Ok");
        assertThat(run.record(0).get("data").asText()).as("echoed").isEqualTo(base64(LINE));
        assertThat(run.summary().failures()).extracting(BatchSummary.RecordFailure::reason)
                .containsOnly("recordId is not a string or a number");
    }

    @Test
    void readsTheFirstRecordIdWhenAnObjectRepeatsIt() throws IOException {
        String event = event("[{\"recordId\":\"first\",\"data\":\"" + base64(LINE) + "\",\"recordId\":\"second\"}]");
        TransformerRun run = run(transformer, event);
        assertThat(run.ids()).extracting(JsonNode::asText).containsExactly("first");
    }

    @ParameterizedTest
    @ValueSource(ints = {1_500, 100_000})
    void skipsUnknownFieldsNestedThousandsDeep(int depth) throws IOException {
        String deep = "[".repeat(depth) + "]".repeat(depth);
        String deepObject = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        String event = "{\"unknown\":" + deep + ",\"records\":[{\"recordId\":\"a\",\"deep\":" + deepObject + ",\"data\":\""
                + base64(LINE) + "\"}," + record("b", LINE) + "],\"after\":" + deepObject + "}";
        TransformerRun run = run(transformer, event);
        assertThat(run.ids()).extracting(JsonNode::asText).containsExactly("a", "b");
        assertThat(run.result(0)).isEqualTo("Ok");
    }

    @Test
    void skipsAndEchoesHugeNumbersWithoutFailingTheBatch() throws IOException {
        String huge = "9".repeat(2_000);
        String event = event("[{\"recordId\":\"a\",\"big\":" + huge + ",\"approximateArrivalTimestamp\":" + huge + ",\"data\":\""
                + base64(LINE) + "\"},{\"recordId\":" + huge + ",\"data\":\"" + base64(LINE) + "\"}]").replace("\"invocationId\"",
                "\"big\":-" + huge + ".5e" + huge + ",\"invocationId\"");
        TransformerRun run = answersEveryRecordWithItsIdExactlyOnce(event);
        assertThat(run.record(1).get("recordId").toString()).isEqualTo(huge);
        assertThat(run.result(0)).isEqualTo("Ok");
    }

    @Test
    void failsRecordsWithoutUsableDataAloneAndEchoesWhatWasSent() throws IOException {
        String event = event("[{\"recordId\":\"no-data\"},{\"recordId\":\"number\",\"data\":12},{\"recordId\":\"object\",\"data\":{\"x\":1}},"
                + "{\"recordId\":\"not-base64\",\"data\":\"%%%\"}," + record("ok", LINE) + "]");
        TransformerRun run = answersEveryRecordWithItsIdExactlyOnce(event);
        assertThat(List.of(run.result(0), run.result(1), run.result(2), run.result(3), run.result(4)))
                .containsExactly("ProcessingFailed", "ProcessingFailed", "ProcessingFailed", "ProcessingFailed", "Ok");
        assertThat(run.record(3).get("data").asText()).isEqualTo("%%%");
        assertThat(run.reason(0)).isEqualTo("record has no data field");
        assertThat(run.reason(1)).isEqualTo("data is not a string");
        assertThat(run.reason(3)).isEqualTo("data is not valid base64");
    }

    @Test
    void failsTheInvocationOnlyForInputThatIsNotAFirehoseEvent() {
        assertThatThrownBy(() -> run(transformer, "{\"foo\":1}")).isInstanceOf(IOException.class).hasMessageContaining("no records array");
        assertThatThrownBy(() -> run(transformer, "not json")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> run(transformer, event("[" + record("a", LINE) + "]") + " trailing"))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> run(transformer, "{\"records\":[],\"records\":[]}")).isInstanceOf(IOException.class)
                .hasMessageContaining("two records arrays");
        assertThatThrownBy(() -> run(transformer, "{\"records\":[{\"recordId\":\"a\",\"data\":\"x\"]}"))
                .isInstanceOf(IOException.class).hasMessageContaining("malformed");
    }

    @Test
    void readsAnEmptyRecordsArray() throws IOException {
        TransformerRun run = run(transformer, event("[ ]"));
        assertThat(run.size()).isZero();
        assertThat(run.summary().recordsIn()).isZero();
    }
}
