package dev.apigwinsights.report;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.apigwinsights.insights.InsightParams;
import dev.apigwinsights.insights.Insights;
import dev.apigwinsights.insights.JdbcQueryRunner;
import dev.apigwinsights.reports.ReportBuilder;
import dev.apigwinsights.reports.ReportFixture;
import dev.apigwinsights.reports.render.PdfReportRenderer;
import dev.apigwinsights.reports.render.ReportFonts;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * A scheduled run end to end, with the AWS side through the real SDK against WireMock standing in
 * for S3 (PutObject), SES v2 (SendEmail, raw content) and API Gateway (GetApiKeys with tags). The
 * data comes from the reports fixture on DuckDB, which here stands in for Athena (tested apart).
 */
class ReportJobTest {

    @RegisterExtension
    static final WireMockExtension AWS = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final Clock CLOCK = Clock.fixed(ReportFixture.NOW, ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Connection connection;
    private static final Insights INSIGHTS = Insights.standard(CLOCK);
    private static PdfReportRenderer renderer;

    @BeforeAll
    static void open() throws Exception {
        connection = ReportFixture.open();
        renderer = new PdfReportRenderer(INSIGHTS, ReportFonts.load());
    }

    @AfterAll
    static void close() throws Exception {
        connection.close();
    }

    private ReportJob job(long attachmentLimit, List<String> recipients) {
        URI endpoint = URI.create(AWS.baseUrl());
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));
        UrlConnectionHttpClient http = (UrlConnectionHttpClient) UrlConnectionHttpClient.builder().build();
        S3Client s3 = S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.EU_WEST_1)
                .credentialsProvider(credentials).httpClient(http).build();
        S3Presigner presigner = S3Presigner.builder().endpointOverride(endpoint).region(Region.EU_WEST_1).credentialsProvider(credentials)
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder().pathStyleAccessEnabled(true).build()).build();
        SesV2Client ses = SesV2Client.builder().endpointOverride(endpoint).region(Region.EU_WEST_1).credentialsProvider(credentials).httpClient(http).build();
        ApiGatewayClient apiGateway = ApiGatewayClient.builder().endpointOverride(endpoint).region(Region.EU_WEST_1)
                .credentialsProvider(credentials).httpClient(http).build();
        ReportSettings settings = new ReportSettings("shop-api", "eu-west-1", "shop-api", "shop_api", "shop-api-logs", "reports/",
                ZoneId.of("UTC"), "reports@shop.example", recipients, Optional.of("reports"), "report-to", attachmentLimit,
                Duration.ofHours(12), InsightParams.none(), "USD", 1);
        return new ReportJob(settings, new ReportBuilder(INSIGHTS, JdbcQueryRunner.duckDb(connection), 1, CLOCK), renderer,
                new ReportStore(s3, presigner, settings.bucket(), settings.prefix()), new SesMailer(ses, settings.configurationSet()),
                new StatementRecipients(apiGateway, settings.statementTagKey()), CLOCK);
    }

    private static void stubAws() {
        AWS.stubFor(put(urlPathMatching("/shop-api-logs/reports/.*")).willReturn(aResponse().withStatus(200).withHeader("ETag", "\"abc\"")));
        AWS.stubFor(post(urlEqualTo("/v2/email/outbound-emails")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"MessageId\":\"0100018c-ses-id\"}")));
    }

    private static ReportEvent event(String json) throws Exception {
        return ReportEvent.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** The object bytes of a PutObject the SDK sent with aws-chunked encoding (signed chunks and a checksum trailer). */
    private static byte[] awsChunkedPayload(LoggedRequest put) {
        byte[] body = put.getBody();
        String encoding = put.getHeader("Content-Encoding");
        if (encoding == null || !encoding.contains("aws-chunked")) {
            return body;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int i = 0;
        while (true) {
            int eol = indexOf(body, i);
            String header = new String(body, i, eol - i, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(header.split(";")[0], 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(body, eol + 2, size);
            i = eol + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length - 1; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("no chunk header end");
    }

    private static MimeMessage sentMail(LoggedRequest sesRequest) throws Exception {
        JsonNode body = JSON.readTree(sesRequest.getBodyAsString());
        byte[] raw = Base64.getDecoder().decode(body.path("Content").path("Raw").path("Data").asText());
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    @Test
    void theWeeklyReportIsStoredUnderReportsAndMailedAsRawMimeWithThePdfAttached() throws Exception {
        stubAws();
        ReportJob.Outcome outcome = job(10L * 1024 * 1024, List.of("ops@shop.example", "pm@shop.example"))
                .run(event("{\"report\":\"summary\",\"period\":\"week\",\"scheduledTime\":\"2026-11-23T07:00:00Z\"}"));

        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.delivered()).singleElement().satisfies(d -> {
            assertThat(d.key()).isEqualTo("reports/summary/apigw-insights-shop-api-summary-2026-W47.pdf");
            assertThat(d.attached()).isTrue();
        });
        List<LoggedRequest> puts = AWS.findAll(com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(
                urlPathEqualTo("/shop-api-logs/reports/summary/apigw-insights-shop-api-summary-2026-W47.pdf")));
        assertThat(puts).hasSize(1);
        assertThat(puts.get(0).getHeader("Content-Type")).isEqualTo("application/pdf");
        byte[] stored = awsChunkedPayload(puts.get(0));

        List<LoggedRequest> sends = AWS.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/v2/email/outbound-emails")));
        assertThat(sends).hasSize(1);
        JsonNode request = JSON.readTree(sends.get(0).getBodyAsString());
        assertThat(request.path("FromEmailAddress").asText()).isEqualTo("reports@shop.example");
        assertThat(request.path("Destination").path("ToAddresses")).extracting(JsonNode::asText).containsExactly("ops@shop.example", "pm@shop.example");
        assertThat(request.path("ConfigurationSetName").asText()).isEqualTo("reports");
        MimeMessage mail = sentMail(sends.get(0));
        assertThat(mail.getSubject()).isEqualTo("Weekly API traffic report · shop-api · Week 47 · 16 Nov 2026 – 22 Nov 2026");
        Multipart parts = (Multipart) mail.getContent();
        assertThat((String) parts.getBodyPart(0).getContent()).contains("Requests", "The full report is attached");
        Part pdf = parts.getBodyPart(1);
        assertThat(pdf.getContentType()).startsWith("application/pdf");
        assertThat(pdf.getFileName()).isEqualTo("apigw-insights-shop-api-summary-2026-W47.pdf");
        assertThat(pdf.getInputStream().readAllBytes()).isEqualTo(stored).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aReportTooLargeToAttachIsMailedAsAPresignedLinkToTheStoredPdf() throws Exception {
        stubAws();
        ReportJob.Outcome outcome = job(20_000, List.of("ops@shop.example"))
                .run(event("{\"report\":\"summary\",\"from\":\"2026-11-16\",\"to\":\"2026-11-19\"}"));

        assertThat(outcome.delivered()).singleElement().satisfies(d -> assertThat(d.attached()).isFalse());
        MimeMessage mail = sentMail(AWS.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlEqualTo("/v2/email/outbound-emails"))).get(0));
        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getCount()).as("no attachment").isEqualTo(1);
        String text = (String) parts.getBodyPart(0).getContent();
        assertThat(text).contains("too large to attach", "within 12 hours",
                AWS.baseUrl() + "/shop-api-logs/reports/summary/apigw-insights-shop-api-summary-2026-11-16_2026-11-18.pdf?",
                "X-Amz-Expires=43200", "X-Amz-Signature=");
    }

    @Test
    void statementsGoToTheAddressesTaggedOnEachCustomersApiKeys() throws Exception {
        stubAws();
        AWS.stubFor(get(urlPathEqualTo("/apikeys")).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                "{\"item\":["
                        + "{\"id\":\"k-bronze-01\",\"name\":\"hooli-a\",\"customerId\":\"hooli\",\"tags\":{\"report-to\":\"billing@hooli.example\"}},"
                        + "{\"id\":\"k-bronze-02\",\"name\":\"hooli-b\",\"customerId\":\"hooli\",\"tags\":{\"report-to\":\"cto@hooli.example billing@hooli.example\"}},"
                        + "{\"id\":\"k-gold-1\",\"name\":\"acme-prod\",\"customerId\":\"acme\",\"tags\":{\"team\":\"a\"}},"
                        + "{\"id\":\"k-silver-2\",\"name\":\"umbrella\",\"tags\":{\"report-to\":\"nobody@umbrella.example\"}}]}")));

        ReportJob.Outcome outcome = job(10L * 1024 * 1024, List.of()).run(event("{\"report\":\"statements\",\"period\":\"week\"}"));

        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.delivered()).singleElement().satisfies(d -> {
            assertThat(d.key()).isEqualTo("reports/statements/hooli/apigw-insights-shop-api-statement-hooli-2026-W47.pdf");
            assertThat(d.recipients()).containsExactly("billing@hooli.example", "cto@hooli.example");
        });
        AWS.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/apikeys"))
                .withQueryParam("includeValues", com.github.tomakehurst.wiremock.client.WireMock.equalTo("false")));
        MimeMessage mail = sentMail(AWS.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlEqualTo("/v2/email/outbound-emails"))).get(0));
        assertThat(mail.getSubject()).isEqualTo("Weekly usage statement · shop-api · hooli · Week 47 · 16 Nov 2026 – 22 Nov 2026");
    }

    @Test
    void aFailedDeliveryIsReportedAndTheOthersStillGo() throws Exception {
        AWS.stubFor(any(urlPathMatching("/shop-api-logs/reports/statements/hooli/.*")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/xml")
                .withBody("<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>")));
        AWS.stubFor(put(urlPathMatching("/shop-api-logs/reports/statements/stark/.*")).willReturn(aResponse().withStatus(200)));
        AWS.stubFor(post(urlEqualTo("/v2/email/outbound-emails")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"MessageId\":\"m\"}")));
        AWS.stubFor(get(urlPathEqualTo("/apikeys")).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                "{\"item\":[{\"id\":\"k1\",\"customerId\":\"hooli\",\"tags\":{\"report-to\":\"a@hooli.example\"}},"
                        + "{\"id\":\"k2\",\"customerId\":\"stark\",\"tags\":{\"report-to\":\"b@stark.example\"}}]}")));

        ReportJob.Outcome outcome = job(10L * 1024 * 1024, List.of()).run(event("{\"report\":\"statements\",\"period\":\"week\"}"));

        assertThat(outcome.failures()).singleElement().asString().startsWith("hooli: ").contains("Access Denied");
        assertThat(outcome.delivered()).extracting(ReportJob.Delivered::key).singleElement().asString().contains("statements/stark/");
    }
}
