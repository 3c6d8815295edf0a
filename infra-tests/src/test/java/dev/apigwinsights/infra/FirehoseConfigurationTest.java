package dev.apigwinsights.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import dev.apigwinsights.schema.CanonicalField;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Firehose stream as FACTS §1 and §3 require it. */
class FirehoseConfigurationTest {

    private static final Pattern TIMESTAMP = Pattern.compile("!\\{timestamp:([^}]*)}");
    private static final Pattern PARTITION_KEY = Pattern.compile("!\\{partitionKeyFromLambda:([^}]*)}");

    private final Template template = Repo.template();
    private final Evaluator defaults = new Evaluator(template, Map.of());

    private JsonNode stream() {
        return template.resource("DeliveryStream").path("Properties");
    }

    private JsonNode destination() {
        return stream().path("ExtendedS3DestinationConfiguration");
    }

    private String prefix() {
        return defaults.string(destination().get("Prefix"));
    }

    private String errorPrefix() {
        return defaults.string(destination().get("ErrorOutputPrefix"));
    }

    @Test
    void isADirectPutStreamNamedSoApiGatewayCanLogToIt() {
        assertThat(template.type("DeliveryStream")).isEqualTo("AWS::KinesisFirehose::DeliveryStream");
        assertThat(stream().path("DeliveryStreamType").asText()).isEqualTo("DirectPut");
        assertThat(defaults.string(stream().get("DeliveryStreamName"))).isEqualTo("amazon-apigateway-apigw-insights");
        assertThat(new Evaluator(template, Map.of("ProjectName", "other")).string(stream().get("DeliveryStreamName")))
                .isEqualTo("amazon-apigateway-other");
    }

    @Test
    void prefixPartitionsByTheTransformersRequestTimeKeysAndEndsWithASlash() {
        String prefix = prefix();

        assertThat(prefix).endsWith("/");
        assertThat(prefix).doesNotContain("!{timestamp:"); // arrival time is not request time
        List<String> keys = new ArrayList<>();
        Matcher m = PARTITION_KEY.matcher(prefix);
        while (m.find()) {
            keys.add(m.group(1));
        }
        assertThat(keys).isEqualTo(CanonicalField.partitionKeys());
        assertThat(prefix).isEqualTo("logs/year=!{partitionKeyFromLambda:year}/month=!{partitionKeyFromLambda:month}"
                + "/day=!{partitionKeyFromLambda:day}/");
        assertThat(destination().path("DynamicPartitioningConfiguration").path("Enabled").asBoolean()).isTrue();
    }

    @Test
    void errorPrefixSeparatesOutputTypesAndUsesNoPartitionKeys() {
        String errorPrefix = errorPrefix();

        assertThat(errorPrefix).contains("!{firehose:error-output-type}");
        assertThat(errorPrefix).endsWith("/");
        assertThat(errorPrefix).doesNotContain("partitionKeyFromLambda");
        assertThat(errorPrefix).startsWith("errors/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Prefix", "ErrorOutputPrefix"})
    void timestampsUseCalendarYearsNotWeekYears(String property) {
        String value = defaults.string(destination().get(property));
        Matcher m = TIMESTAMP.matcher(value);
        while (m.find()) {
            assertThat(m.group(1))
                    .as("%s uses !{timestamp:%s}", property, m.group(1))
                    .doesNotContain("YYYY")
                    .doesNotContain("DD")
                    .matches("(yyyy|MM|dd|HH)([-/](yyyy|MM|dd|HH))*");
        }
    }

    @Test
    void processorInvokesTheSnapStartAliasWithBoundedBuffers() {
        JsonNode processors = destination().path("ProcessingConfiguration").path("Processors");
        assertThat(destination().path("ProcessingConfiguration").path("Enabled").asBoolean()).isTrue();
        assertThat(processors).hasSize(1);
        assertThat(processors.get(0).path("Type").asText()).isEqualTo("Lambda");
        Map<String, JsonNode> parameters = new java.util.HashMap<>();
        processors.get(0).path("Parameters").forEach(p -> parameters.put(p.path("ParameterName").asText(), p.path("ParameterValue")));

        assertThat(parameters.get("LambdaArn").toString()).isEqualTo("{\"Ref\":\"TransformerFunction.Alias\"}");
        JsonNode size = parameter(parameters.get("BufferSizeInMBs"));
        assertThat(size.path("MinValue").asDouble()).isGreaterThanOrEqualTo(0.2);
        assertThat(size.path("MaxValue").asDouble()).isLessThanOrEqualTo(3.0);
        JsonNode interval = parameter(parameters.get("BufferIntervalInSeconds"));
        assertThat(interval.path("MinValue").asInt()).isGreaterThanOrEqualTo(0);
        assertThat(interval.path("MaxValue").asInt()).isLessThanOrEqualTo(900);
    }

    @Test
    void destinationBufferIsLargeEnoughForDynamicPartitioningAndParquet() {
        JsonNode hints = destination().path("BufferingHints");
        JsonNode size = parameter(hints.get("SizeInMBs"));
        assertThat(size.path("MinValue").asInt()).isGreaterThanOrEqualTo(64);
        assertThat(size.path("MaxValue").asInt()).isLessThanOrEqualTo(128);
        JsonNode interval = parameter(hints.get("IntervalInSeconds"));
        assertThat(interval.path("MinValue").asInt()).isGreaterThan(0); // zero buffering is not available with dynamic partitioning
        assertThat(interval.path("MaxValue").asInt()).isLessThanOrEqualTo(900);
    }

    @Test
    void parquetOutputConvertsAgainstTheGlueTableAndLeavesCompressionToParquet() {
        Evaluator parquet = new Evaluator(template, Map.of("OutputFormat", "PARQUET"));
        assertThat(parquet.string(destination().get("CompressionFormat"))).isEqualTo("UNCOMPRESSED");
        JsonNode conversion = destination().get("DataFormatConversionConfiguration").get("Fn::If");
        assertThat(conversion.get(0).asText()).isEqualTo("IsParquet");
        assertThat(parquet.condition("IsParquet")).isTrue();
        JsonNode schema = conversion.get(1).path("SchemaConfiguration");
        assertThat(schema.path("TableName").toString()).isEqualTo("{\"Ref\":\"AccessLogsTable\"}");
        assertThat(schema.path("DatabaseName").toString()).isEqualTo("{\"Ref\":\"GlueDatabase\"}");
        assertThat(conversion.get(1).path("InputFormatConfiguration").path("Deserializer").has("OpenXJsonSerDe")).isTrue();
        assertThat(conversion.get(1).path("OutputFormatConfiguration").path("Serializer").has("ParquetSerDe")).isTrue();
        assertThat(Template.isNoValue(conversion.get(2))).isTrue();
    }

    @Test
    void jsonOutputIsGzipJsonLines() {
        Evaluator json = new Evaluator(template, Map.of("OutputFormat", "JSON"));
        assertThat(json.condition("IsParquet")).isFalse();
        assertThat(json.string(destination().get("CompressionFormat"))).isEqualTo("GZIP");
        JsonNode serde = template.resource("AccessLogsTable").path("Properties").path("TableInput")
                .path("StorageDescriptor").path("SerdeInfo").get("Fn::If");
        assertThat(serde.get(2).path("SerializationLibrary").asText()).isEqualTo("org.openx.data.jsonserde.JsonSerDe");
        assertThat(serde.get(1).path("SerializationLibrary").asText())
                .isEqualTo("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe");
    }

    @Test
    void partitionProjectionReadsExactlyWhereFirehoseWrites() {
        JsonNode table = template.resource("AccessLogsTable").path("Properties").path("TableInput");
        String locationTemplate = defaults.string(table.path("Parameters").get("storage.location.template"));
        String expected = "s3://<LogsBucket>/" + PARTITION_KEY.matcher(prefix()).replaceAll(r -> "\\${" + r.group(1) + "}");

        assertThat(locationTemplate).isEqualTo(expected);
        assertThat(defaults.string(table.path("StorageDescriptor").get("Location")))
                .isEqualTo("s3://<LogsBucket>/" + prefix().substring(0, prefix().indexOf("year=")));
        assertThat(table.path("Parameters").path("projection.enabled").asText()).isEqualTo("true");
        for (String key : CanonicalField.partitionKeys()) {
            assertThat(table.path("Parameters").has("projection." + key + ".type")).as("projection of %s", key).isTrue();
        }
        assertThat(table.path("Parameters").path("projection.month.digits").asText()).isEqualTo("2");
        assertThat(table.path("Parameters").path("projection.day.digits").asText()).isEqualTo("2");
    }

    @Test
    void failedRecordsCrawlerCoversTheErrorPrefix() {
        String errorRoot = "s3://<LogsBucket>/" + errorPrefix().substring(0, errorPrefix().indexOf("!{firehose:error-output-type}"));
        List<String> paths = new ArrayList<>();
        template.resource("FailedRecordsCrawler").path("Properties").path("Targets").path("S3Targets")
                .forEach(t -> paths.add(defaults.string(t.get("Path"))));

        assertThat(paths).containsExactlyInAnyOrder(errorRoot + "processing-failed/", errorRoot + "format-conversion-failed/");
    }

    private JsonNode parameter(JsonNode ref) {
        assertThat(ref.has("Ref")).as("%s should be a parameter", ref).isTrue();
        return template.parameters().get(ref.get("Ref").asText());
    }
}
