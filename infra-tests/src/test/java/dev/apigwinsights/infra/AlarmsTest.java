package dev.apigwinsights.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/**
 * Every Firehose stream is watched the same way, and nothing Firehose sets aside is silent
 * (issue 7, item 13): Parquet conversion failures and, on the decompressing stream, records that
 * did not decompress.
 */
class AlarmsTest {

    /** Watched on every stream, in every deployment where the stream exists. */
    private static final List<String> EVERY_STREAM = List.of("DeliveryToS3.DataFreshness", "ExecuteProcessing.Success",
            "ThrottledRecords");

    private final Template template = Repo.template();

    /** Alarms on a Firehose metric of {@code stream} created in {@code d}. */
    private List<String> metricsWatched(Deployments.Deployment d, String stream) {
        List<String> metrics = new ArrayList<>();
        for (String id : template.resourcesOfType("AWS::CloudWatch::Alarm")) {
            JsonNode p = template.resource(id).path("Properties");
            if (!p.path("Namespace").asText().equals("AWS/Firehose") || !d.creates(template, id)) {
                continue;
            }
            for (JsonNode dimension : p.path("Dimensions")) {
                if (dimension.path("Name").asText().equals("DeliveryStreamName")
                        && dimension.path("Value").path("Ref").asText().equals(stream)) {
                    metrics.add(p.path("MetricName").asText());
                }
            }
        }
        return metrics;
    }

    private boolean decompresses(String stream) {
        return template.resource(stream).path("Properties").path("ExtendedS3DestinationConfiguration")
                .path("ProcessingConfiguration").path("Processors").toString().contains("\"Decompression\"");
    }

    @Test
    void everyStreamIsWatchedForStalledProcessingThrottlingConversionAndDecompressionFailures() {
        List<String> streams = template.resourcesOfType("AWS::KinesisFirehose::DeliveryStream");
        assertThat(streams).containsExactly("DeliveryStream", "CloudWatchDeliveryStream");
        for (Deployments.Deployment d : Deployments.all(template)) {
            for (String stream : streams) {
                List<String> watched = metricsWatched(d, stream);
                if (!d.creates(template, stream)) {
                    assertThat(watched).as("alarms on %s, absent in %s", stream, d).isEmpty();
                    continue;
                }
                List<String> expected = new ArrayList<>(EVERY_STREAM);
                if (d.evaluator().condition("IsParquet")) {
                    expected.add("FailedConversion.Records");
                }
                if (decompresses(stream)) {
                    expected.add("OutputDecompressedRecords.Failed");
                }
                assertThat(watched).as("alarms on %s in %s", stream, d).containsExactlyInAnyOrderElementsOf(expected);
            }
        }
    }

    @Test
    void aSingleRecordSetAsideRaisesTheAlarm() {
        for (String id : List.of("FirehoseFailedConversionAlarm", "CloudWatchFailedConversionAlarm", "CloudWatchDecompressionFailedAlarm")) {
            JsonNode p = template.resource(id).path("Properties");
            assertThat(p.path("Statistic").asText()).as(id).isEqualTo("Sum");
            assertThat(p.path("Threshold").asInt()).as(id).isZero();
            assertThat(p.path("ComparisonOperator").asText()).as(id).isEqualTo("GreaterThanThreshold");
            assertThat(p.path("TreatMissingData").asText()).as(id).isEqualTo("notBreaching");
            assertThat(p.path("AlarmDescription").toString()).as(id).contains("errors/");
        }
    }

    @Test
    void everyAlarmNotifiesTheTopicBothWays() {
        for (String id : template.resourcesOfType("AWS::CloudWatch::Alarm")) {
            JsonNode p = template.resource(id).path("Properties");
            assertThat(p.path("AlarmActions").toString()).as(id).isEqualTo("[{\"Ref\":\"AlarmTopic\"}]");
            assertThat(p.path("OKActions").toString()).as(id).isEqualTo("[{\"Ref\":\"AlarmTopic\"}]");
        }
    }
}
