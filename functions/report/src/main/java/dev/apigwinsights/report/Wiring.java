package dev.apigwinsights.report;

import dev.apigwinsights.insights.Insights;
import dev.apigwinsights.reports.ReportBuilder;
import dev.apigwinsights.reports.render.PdfReportRenderer;
import dev.apigwinsights.reports.render.ReportFonts;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Everything the handler needs, built once per execution environment: one HTTP client, the SDK
 * clients (explicit region, default credentials chain, {@code endpoint} for tests), the catalog, the
 * renderer (templates and fonts loaded here) and the job.
 */
record Wiring(ReportJob job, PdfReportRenderer renderer, Insights insights, AthenaQueryRunner athena) {

    static Wiring fromEnvironment(Map<String, String> env, Clock clock) {
        return create(ReportSettings.fromEnvironment(env), Optional.empty(), clock, AthenaQueryRunner.Polling.DEFAULT,
                d -> Thread.sleep(d.toMillis()));
    }

    static Wiring create(ReportSettings settings, Optional<URI> endpoint, Clock clock, AthenaQueryRunner.Polling polling,
                         AthenaQueryRunner.Sleeper sleeper) {
        Region region = Region.of(settings.region());
        SdkHttpClient http = UrlConnectionHttpClient.builder().build();
        DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        AthenaClient athena = endpoint.map(e -> AthenaClient.builder().endpointOverride(e)).orElseGet(AthenaClient::builder)
                .region(region).httpClient(http).credentialsProvider(credentials).build();
        S3Client s3 = endpoint.map(e -> S3Client.builder().endpointOverride(e).forcePathStyle(true)).orElseGet(S3Client::builder)
                .region(region).httpClient(http).credentialsProvider(credentials).build();
        S3Presigner presigner = endpoint.map(e -> S3Presigner.builder().endpointOverride(e)).orElseGet(S3Presigner::builder)
                .region(region).credentialsProvider(credentials).build();
        SesV2Client ses = endpoint.map(e -> SesV2Client.builder().endpointOverride(e)).orElseGet(SesV2Client::builder)
                .region(region).httpClient(http).credentialsProvider(credentials).build();
        ApiGatewayClient apiGateway = endpoint.map(e -> ApiGatewayClient.builder().endpointOverride(e)).orElseGet(ApiGatewayClient::builder)
                .region(region).httpClient(http).credentialsProvider(credentials).build();

        Insights insights = Insights.standard(clock);
        AthenaQueryRunner runner = new AthenaQueryRunner(athena, settings.workGroup(), settings.database(), polling, sleeper, clock);
        PdfReportRenderer renderer = new PdfReportRenderer(insights, ReportFonts.load());
        ReportJob job = new ReportJob(settings, new ReportBuilder(insights, runner, settings.parallelism(), clock), renderer,
                new ReportStore(s3, presigner, settings.bucket(), settings.prefix()), new SesMailer(ses, settings.configurationSet()),
                new StatementRecipients(apiGateway, settings.statementTagKey()), clock);
        return new Wiring(job, renderer, insights, runner);
    }
}
