package dev.apigwinsights.enrich;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A usage-plans file: the three API Gateway responses in one JSON document, for local runs and
 * tests without an AWS account.
 *
 * <pre>{@code
 * {"usagePlans":    [ ...GetUsagePlans items... ],
 *  "usagePlanKeys": {"<planId>": [ ...GetUsagePlanKeys items... ]},
 *  "apiKeys":       [ ...GetApiKeys items... ]}
 * }</pre>
 *
 * Items use the API's own field names ({@code id, name, apiStages[{apiId, stage, throttle}],
 * quota{limit, offset, period}, throttle{burstLimit, rateLimit}}; keys {@code id, type, name};
 * API keys {@code id, name, customerId, enabled, ...}). Unknown fields are ignored. Each list may
 * also be given as a whole response page: {@code {"item": [...]}} as on the wire, or
 * {@code {"items": [...]}} as printed by the AWS CLI, so that CLI output can be pasted in. Key
 * values ({@code value}), if present, are ignored.
 *
 * <p>Errors name the offending JSON path, never a value from the file.
 */
final class UsagePlansFile implements UsagePlanSource {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path path;

    UsagePlansFile(Path path) {
        this.path = Objects.requireNonNull(path, "path");
    }

    /** Re-reads the file on every refresh, so a local run picks up edits after the TTL. */
    @Override
    public UsagePlanSnapshot load(Duration budget) {
        try (InputStream in = Files.newInputStream(path)) {
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read usage-plans file " + path, e);
        }
    }

    @Override
    public String describe() {
        return "file " + path;
    }

    static UsagePlanSnapshot parse(InputStream in) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            // Jackson's message can quote the document: keep only the location.
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new UsagePlanLoadException("usage-plans file is not valid JSON" + where);
        }
        if (root == null || !root.isObject()) {
            throw new UsagePlanLoadException("usage-plans file must hold one JSON object");
        }

        List<UsagePlanSnapshot.Plan> plans = new ArrayList<>();
        List<JsonNode> planItems = items(root.get("usagePlans"), "usagePlans");
        for (int i = 0; i < planItems.size(); i++) {
            plans.add(plan(planItems.get(i), "usagePlans[" + i + "]"));
        }

        Map<String, List<UsagePlanSnapshot.PlanKey>> planKeys = new LinkedHashMap<>();
        JsonNode keysByPlan = root.get("usagePlanKeys");
        if (keysByPlan != null && !keysByPlan.isNull()) {
            if (!keysByPlan.isObject()) {
                throw new UsagePlanLoadException("usagePlanKeys must be an object keyed by usage plan id");
            }
            for (Map.Entry<String, JsonNode> e : keysByPlan.properties()) {
                String where = "usagePlanKeys." + e.getKey();
                List<UsagePlanSnapshot.PlanKey> keys = new ArrayList<>();
                List<JsonNode> keyItems = items(e.getValue(), where);
                for (int i = 0; i < keyItems.size(); i++) {
                    JsonNode k = object(keyItems.get(i), where + "[" + i + "]");
                    keys.add(new UsagePlanSnapshot.PlanKey(required(k, "id", where + "[" + i + "]"),
                            text(k, "type"), text(k, "name")));
                }
                planKeys.put(e.getKey(), keys);
            }
        }

        List<UsagePlanSnapshot.ApiKey> apiKeys = new ArrayList<>();
        List<JsonNode> keyItems = items(root.get("apiKeys"), "apiKeys");
        for (int i = 0; i < keyItems.size(); i++) {
            String where = "apiKeys[" + i + "]";
            JsonNode k = object(keyItems.get(i), where);
            JsonNode enabled = k.get("enabled");
            apiKeys.add(new UsagePlanSnapshot.ApiKey(required(k, "id", where), text(k, "name"), text(k, "customerId"),
                    enabled == null || enabled.isNull() || enabled.asBoolean(true)));
        }
        return UsagePlanSnapshot.of(plans, planKeys, apiKeys);
    }

    private static UsagePlanSnapshot.Plan plan(JsonNode node, String where) {
        JsonNode p = object(node, where);
        List<UsagePlanSnapshot.ApiStage> stages = new ArrayList<>();
        JsonNode apiStages = p.get("apiStages");
        if (apiStages != null && !apiStages.isNull()) {
            if (!apiStages.isArray()) {
                throw new UsagePlanLoadException(where + ".apiStages must be an array");
            }
            for (int i = 0; i < apiStages.size(); i++) {
                String sw = where + ".apiStages[" + i + "]";
                JsonNode s = object(apiStages.get(i), sw);
                Map<String, UsagePlanSnapshot.Throttle> methodThrottles = new LinkedHashMap<>();
                JsonNode throttle = s.get("throttle");
                if (throttle != null && !throttle.isNull()) {
                    for (Map.Entry<String, JsonNode> e : object(throttle, sw + ".throttle").properties()) {
                        methodThrottles.put(e.getKey(), throttle(e.getValue(), sw + ".throttle." + e.getKey()));
                    }
                }
                stages.add(new UsagePlanSnapshot.ApiStage(required(s, "apiId", sw), required(s, "stage", sw), methodThrottles));
            }
        }
        JsonNode quota = p.get("quota");
        Long quotaLimit = null;
        String quotaPeriod = null;
        Long quotaOffset = null;
        if (quota != null && !quota.isNull()) {
            object(quota, where + ".quota");
            quotaLimit = number(quota, "limit", where + ".quota");
            quotaPeriod = text(quota, "period");
            Long offset = number(quota, "offset", where + ".quota");
            quotaOffset = offset == null ? 0L : offset;
        }
        JsonNode throttle = p.get("throttle");
        return new UsagePlanSnapshot.Plan(required(p, "id", where), text(p, "name"), quotaLimit, quotaPeriod, quotaOffset,
                throttle == null || throttle.isNull() ? null : throttle(throttle, where + ".throttle"), stages);
    }

    private static UsagePlanSnapshot.Throttle throttle(JsonNode node, String where) {
        JsonNode t = object(node, where);
        JsonNode rate = t.get("rateLimit");
        if (rate != null && !rate.isNull() && !rate.isNumber()) {
            throw new UsagePlanLoadException(where + ".rateLimit must be a number");
        }
        return new UsagePlanSnapshot.Throttle(rate == null || rate.isNull() ? null : rate.doubleValue(),
                number(t, "burstLimit", where));
    }

    /** A list given as an array, or as a response page {@code {"item": [...]}} / {@code {"items": [...]}}. */
    private static List<JsonNode> items(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        JsonNode array = node;
        if (node.isObject()) {
            array = node.has("item") ? node.get("item") : node.get("items");
        }
        if (array == null || !array.isArray()) {
            throw new UsagePlanLoadException(where + " must be an array of items (or an object with an \"item\" array)");
        }
        List<JsonNode> out = new ArrayList<>(array.size());
        array.forEach(out::add);
        return out;
    }

    private static JsonNode object(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new UsagePlanLoadException(where + " must be an object");
        }
        return node;
    }

    private static String required(JsonNode node, String field, String where) {
        String v = text(node, field);
        if (v == null || v.isEmpty()) {
            throw new UsagePlanLoadException(where + "." + field + " is missing");
        }
        return v;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Long number(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber()) {
            throw new UsagePlanLoadException(where + "." + field + " must be a whole number");
        }
        return v.longValue();
    }
}
