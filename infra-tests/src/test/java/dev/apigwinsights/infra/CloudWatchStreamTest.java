package dev.apigwinsights.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The second Firehose stream, for CloudWatch Logs subscriptions (issue 7, item 12): it decompresses
 * before the transformer so the processor buffer counts what the transformer returns, and it writes
 * exactly where the direct-put stream writes.
 */
class CloudWatchStreamTest {

    /** ProcessorParameter names the Firehose API accepts (API_ProcessorParameter); the spec has no enum for them. */
    private static final Set<String> PROCESSOR_PARAMETER_NAMES = Set.of("LambdaArn", "NumberOfRetries",
            "MetadataExtractionQuery", "JsonParsingEngine", "RoleArn", "BufferSizeInMBs", "BufferIntervalInSeconds",
            "SubRecordType", "Delimiter", "CompressionFormat", "DataMessageExtraction");

    private final Template template = Repo.template();

    private JsonNode destination(String stream) {
        return template.resource(stream).path("Properties").path("ExtendedS3DestinationConfiguration");
    }

    private List<JsonNode> processors(String stream) {
        List<JsonNode> out = new ArrayList<>();
        destination(stream).path("ProcessingConfiguration").path("Processors").forEach(out::add);
        return out;
    }

    private static Map<String, JsonNode> parameters(JsonNode processor) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        processor.path("Parameters").forEach(p -> out.put(p.path("ParameterName").asText(), p.path("ParameterValue")));
        return out;
    }

    @Test
    void decompressesGzipBeforeTheTransformerAndKeepsTheEnvelope() {
        List<JsonNode> processors = processors("CloudWatchDeliveryStream");

        assertThat(processors).extracting(p -> p.path("Type").asText()).containsExactly("Decompression", "Lambda");
        assertThat(parameters(processors.get(0))).containsOnlyKeys("CompressionFormat");
        assertThat(parameters(processors.get(0)).get("CompressionFormat").asText()).isEqualTo("GZIP");
        // Message extraction (CloudWatchLogProcessing) would drop owner, logGroup and logStream, which become columns.
        assertThat(processors).noneMatch(p -> p.path("Type").asText().equals("CloudWatchLogProcessing"));
    }

    @Test
    void invokesTheSameTransformerWithTheSameBuffersAsTheDirectStream() {
        JsonNode direct = processors("DeliveryStream").get(0);
        JsonNode cloudWatch = processors("CloudWatchDeliveryStream").get(1);

        assertThat(cloudWatch).isEqualTo(direct);
        assertThat(parameters(cloudWatch).get("LambdaArn").toString()).isEqualTo("{\"Ref\":\"TransformerFunction.Alias\"}");
    }

    @Test
    void writesTheSamePrefixesFormatAndTableAsTheDirectStream() {
        ObjectNode direct = destination("DeliveryStream").deepCopy();
        ObjectNode cloudWatch = destination("CloudWatchDeliveryStream").deepCopy();
        for (ObjectNode d : List.of(direct, cloudWatch)) {
            d.remove("ProcessingConfiguration");
            d.remove("CloudWatchLoggingOptions");
        }

        assertThat(cloudWatch).isEqualTo(direct);
        assertThat(destination("CloudWatchDeliveryStream").path("CloudWatchLoggingOptions").path("LogGroupName").toString())
                .isEqualTo("{\"Ref\":\"CloudWatchFirehoseLogGroup\"}");
    }

    @Test
    void subscriptionFiltersFeedTheCloudWatchStreamAndRestStagesKeepTheApiGatewayOne() {
        Evaluator defaults = new Evaluator(template, Map.of());
        List<String> filters = template.resourcesOfType("AWS::Logs::SubscriptionFilter");
        assertThat(filters).hasSize(5);
        for (String id : filters) {
            assertThat(template.resource(id).path("Properties").path("DestinationArn").toString())
                    .as(id).isEqualTo("{\"Fn::GetAtt\":[\"CloudWatchDeliveryStream\",\"Arn\"]}");
        }
        List<String> puttable = new ArrayList<>();
        for (IamPolicies.Statement s : IamPolicies.statements(template)) {
            if (s.path().startsWith("Resources/CloudWatchLogsToFirehoseRole/Properties/Policies")) {
                puttable.add(s.statement().path("Resource").toString());
            }
        }
        assertThat(puttable).containsExactly("{\"Fn::GetAtt\":[\"CloudWatchDeliveryStream\",\"Arn\"]}");
        // API Gateway only logs to streams named amazon-apigateway-*; the decompression stream refuses any
        // producer but CloudWatch Logs, so it must not look like a REST destination.
        assertThat(defaults.string(template.resource("DeliveryStream").path("Properties").get("DeliveryStreamName")))
                .startsWith("amazon-apigateway-");
        assertThat(defaults.string(template.resource("CloudWatchDeliveryStream").path("Properties").get("DeliveryStreamName")))
                .isEqualTo("apigw-insights-cloudwatch-logs");
        assertThat(template.output("DeliveryStreamArn").orElseThrow().path("Value").toString()).contains("\"DeliveryStream\"");
    }

    @Test
    void existsExactlyWhenLogGroupsAreSubscribed() {
        List<String> own = List.of("CloudWatchDeliveryStream", "CloudWatchFirehoseLogGroup", "CloudWatchFirehoseDeliveryLogStream",
                "CloudWatchLogsToFirehoseRole");
        for (Deployments.Deployment d : Deployments.all(template)) {
            boolean groups = d.evaluator().condition("HasLogGroups");
            for (String id : own) {
                assertThat(d.creates(template, id)).as("%s in %s", id, d).isEqualTo(groups);
            }
            for (String id : template.resourcesOfType("AWS::Logs::SubscriptionFilter")) {
                if (d.creates(template, id)) {
                    assertThat(d.creates(template, "CloudWatchDeliveryStream")).as("%s needs its stream in %s", id, d).isTrue();
                }
            }
        }
    }

    @Test
    void firehoseMayLogToTheCloudWatchStreamsGroupOnlyWhenItExists() {
        JsonNode putLogEvents = IamPolicies.statements(template).stream()
                .filter(s -> s.path().startsWith("Resources/FirehoseRole/"))
                .map(IamPolicies.Statement::statement)
                .filter(s -> s.path("Action").asText().equals("logs:PutLogEvents"))
                .findFirst().orElseThrow();

        assertThat(putLogEvents.path("Resource").toString()).isEqualTo("[{\"Fn::GetAtt\":[\"FirehoseLogGroup\",\"Arn\"]},"
                + "{\"Fn::If\":[\"HasLogGroups\",{\"Fn::GetAtt\":[\"CloudWatchFirehoseLogGroup\",\"Arn\"]},{\"Ref\":\"AWS::NoValue\"}]}]");
    }

    @Test
    void processorParameterNamesAreOnesFirehoseAccepts() {
        for (String stream : template.resourcesOfType("AWS::KinesisFirehose::DeliveryStream")) {
            for (JsonNode processor : processors(stream)) {
                assertThat(PROCESSOR_PARAMETER_NAMES).as("%s %s", stream, processor.path("Type"))
                        .containsAll(parameters(processor).keySet());
            }
        }
    }

    @Test
    void replayCommandOutputSendsProcessingFailedRecordsToTheDirectStream() {
        Evaluator defaults = new Evaluator(template, Map.of());
        String command = defaults.string(template.output("ReplayCommand").orElseThrow().get("Value"));
        String errorPrefix = defaults.string(destination("DeliveryStream").get("ErrorOutputPrefix"));
        String errorRoot = errorPrefix.substring(0, errorPrefix.indexOf("!{firehose:error-output-type}"));

        assertThat(command).isEqualTo("./apigw-insights replay --source s3://<LogsBucket>/" + errorRoot + "processing-failed/"
                + " --delivery-stream <DeliveryStream> --region eu-west-1 --dry-run");
    }
}
