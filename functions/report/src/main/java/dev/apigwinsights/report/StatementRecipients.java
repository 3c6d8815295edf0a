package dev.apigwinsights.report;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiKey;

/**
 * Where each customer's statement goes: the addresses in a tag of its API keys (tag key from the
 * stack, default {@code report-to}; the value lists addresses separated by spaces, as tag values
 * cannot hold commas). A customer is the API key's customerId, as the catalog groups it; a customer
 * with several tagged keys gets one statement to the union of their addresses. Key values are never
 * requested ({@code includeValues=false}).
 */
public final class StatementRecipients {

    private final ApiGatewayClient apiGateway;
    private final String tagKey;

    public StatementRecipients(ApiGatewayClient apiGateway, String tagKey) {
        this.apiGateway = apiGateway;
        this.tagKey = tagKey;
    }

    /** Customer id to addresses, for every key that has a customerId and the tag. */
    public Map<String, Set<String>> byCustomer() {
        Map<String, Set<String>> out = new TreeMap<>();
        for (ApiKey key : apiGateway.getApiKeysPaginator(b -> b.includeValues(false).limit(500)).items()) {
            String value = key.tags() == null ? null : key.tags().get(tagKey);
            if (value == null || value.isBlank() || key.customerId() == null || key.customerId().isBlank()) {
                continue;
            }
            out.computeIfAbsent(key.customerId(), c -> new LinkedHashSet<>())
                    .addAll(Arrays.stream(value.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
        }
        return out;
    }
}
