package dev.apigwinsights.report;

import dev.apigwinsights.insights.InsightParams;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The function's configuration, from its environment (set by template.yaml from stack parameters).
 *
 * @param recipients      who gets the API owner's report (REPORT_RECIPIENTS, comma-separated; may be empty)
 * @param statementTagKey the API key tag whose value lists a customer's statement addresses
 * @param attachmentLimit raw message size above which the mail carries a link instead of the PDF
 */
public record ReportSettings(String project, String region, String workGroup, String database, String bucket, String prefix,
                             ZoneId zone, String sender, List<String> recipients, Optional<String> configurationSet,
                             String statementTagKey, long attachmentLimit, Duration linkValidity, InsightParams insightSettings,
                             String currency, int parallelism) {

    static ReportSettings fromEnvironment(Map<String, String> env) {
        InsightParams.Builder knobs = InsightParams.builder();
        for (String price : list(env.getOrDefault("PRICES", ""))) {
            int eq = price.lastIndexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("PRICES takes PLAN=PRICE pairs separated by commas, not '" + price + "'");
            }
            knobs.price(price.substring(0, eq).trim(), Double.parseDouble(price.substring(eq + 1).trim()));
        }
        String target = env.getOrDefault("AVAILABILITY_TARGET_PCT", "");
        if (!target.isBlank()) {
            knobs.availabilityTargetPct(Double.parseDouble(target));
        }
        String configurationSet = env.getOrDefault("SES_CONFIGURATION_SET", "");
        return new ReportSettings(
                required(env, "PROJECT_NAME"),
                required(env, "AWS_REGION"),
                required(env, "ATHENA_WORKGROUP"),
                required(env, "GLUE_DATABASE"),
                required(env, "REPORT_BUCKET"),
                env.getOrDefault("REPORT_PREFIX", "reports/"),
                ZoneId.of(env.getOrDefault("REPORT_TIME_ZONE", "UTC")),
                required(env, "REPORT_SENDER"),
                list(env.getOrDefault("REPORT_RECIPIENTS", "")),
                configurationSet.isBlank() ? Optional.empty() : Optional.of(configurationSet),
                env.getOrDefault("STATEMENT_TAG_KEY", "report-to"),
                Long.parseLong(env.getOrDefault("ATTACHMENT_LIMIT_BYTES", String.valueOf(10L * 1024 * 1024))),
                Duration.ofHours(Long.parseLong(env.getOrDefault("LINK_VALIDITY_HOURS", "12"))),
                knobs.build(),
                env.getOrDefault("CURRENCY", "USD"),
                Integer.parseInt(env.getOrDefault("QUERY_PARALLELISM", "6")));
    }

    private static String required(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set (template.yaml sets it)");
        }
        return v;
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
