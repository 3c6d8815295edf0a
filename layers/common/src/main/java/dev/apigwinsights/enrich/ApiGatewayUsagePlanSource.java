package dev.apigwinsights.enrich;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiStage;
import software.amazon.awssdk.services.apigateway.model.GetApiKeysResponse;
import software.amazon.awssdk.services.apigateway.model.GetUsagePlanKeysResponse;
import software.amazon.awssdk.services.apigateway.model.GetUsagePlansResponse;
import software.amazon.awssdk.services.apigateway.model.QuotaSettings;
import software.amazon.awssdk.services.apigateway.model.ThrottleSettings;
import software.amazon.awssdk.services.apigateway.model.UsagePlan;

/**
 * Loads usage plans and API keys from the API Gateway control plane with the SDK v2 client:
 * {@code GET /usageplans}, {@code GET /usageplans/{id}/keys} for each plan, and
 * {@code GET /apikeys?includeValues=false}, each followed through every {@code position} with the
 * largest page size (500).
 *
 * <p>Retries with backoff (throttling, 5xx, I/O errors) are the client's own retry strategy; this
 * class bounds the whole load by the time budget by giving each call the remaining time as its
 * {@code apiCallTimeout}. Errors that retrying cannot fix (access denied) fail fast.
 *
 * <p>Secrets: API key values are never requested ({@code includeValues=false}). {@code
 * GetUsagePlanKeys} returns them regardless; they are dropped when the response is read and are
 * neither stored nor logged.
 */
final class ApiGatewayUsagePlanSource implements UsagePlanSource {
    static final int PAGE_SIZE = 500;
    /** 500 pages of 500 items: far beyond any account quota, so hitting it means a pagination loop. */
    static final int MAX_PAGES = 500;

    private final ApiGatewayClient client;
    private final String description;

    ApiGatewayUsagePlanSource(ApiGatewayClient client, String description) {
        this.client = Objects.requireNonNull(client, "client");
        this.description = Objects.requireNonNull(description, "description");
    }

    @Override
    public UsagePlanSnapshot load(Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();

        List<UsagePlanSnapshot.Plan> plans = new ArrayList<>();
        paginate("GetUsagePlans", deadline,
                (position, timeout) -> client.getUsagePlans(b -> b.limit(PAGE_SIZE).position(position)
                        .overrideConfiguration(o -> o.apiCallTimeout(timeout))),
                GetUsagePlansResponse::position,
                page -> page.items().forEach(p -> plans.add(toPlan(p))));

        Map<String, List<UsagePlanSnapshot.PlanKey>> planKeys = new LinkedHashMap<>();
        for (UsagePlanSnapshot.Plan plan : plans) {
            List<UsagePlanSnapshot.PlanKey> keys = new ArrayList<>();
            paginate("GetUsagePlanKeys", deadline,
                    (position, timeout) -> client.getUsagePlanKeys(b -> b.usagePlanId(plan.id()).limit(PAGE_SIZE)
                            .position(position).overrideConfiguration(o -> o.apiCallTimeout(timeout))),
                    GetUsagePlanKeysResponse::position,
                    page -> page.items().forEach(k -> keys.add(new UsagePlanSnapshot.PlanKey(k.id(), k.type(), k.name()))));
            planKeys.put(plan.id(), keys);
        }

        List<UsagePlanSnapshot.ApiKey> apiKeys = new ArrayList<>();
        paginate("GetApiKeys", deadline,
                (position, timeout) -> client.getApiKeys(b -> b.includeValues(false).limit(PAGE_SIZE).position(position)
                        .overrideConfiguration(o -> o.apiCallTimeout(timeout))),
                GetApiKeysResponse::position,
                page -> page.items().forEach(k -> apiKeys.add(new UsagePlanSnapshot.ApiKey(
                        k.id(), k.name(), k.customerId(), !Boolean.FALSE.equals(k.enabled())))));

        return UsagePlanSnapshot.of(plans, planKeys, apiKeys);
    }

    @Override
    public String describe() {
        return description;
    }

    /**
     * Calls {@code call} with each position in turn (null first) until a page comes back without
     * one. A position seen twice, or an absurd number of pages, is reported rather than looped on.
     */
    private static <R> void paginate(String operation, long deadlineNanos, BiFunction<String, Duration, R> call,
                                     Function<R, String> nextPosition, Consumer<R> onPage) {
        Set<String> seen = new HashSet<>();
        String position = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                throw new UsagePlanLoadException(operation + ": time budget exhausted after " + page + " page(s)");
            }
            R response = call.apply(position, Duration.ofNanos(remaining));
            onPage.accept(response);
            String next = nextPosition.apply(response);
            if (next == null || next.isEmpty()) {
                return;
            }
            if (!seen.add(next)) {
                throw new UsagePlanLoadException(operation + ": the API returned the same position twice");
            }
            position = next;
        }
        throw new UsagePlanLoadException(operation + ": more than " + MAX_PAGES + " pages");
    }

    private static UsagePlanSnapshot.Plan toPlan(UsagePlan p) {
        List<UsagePlanSnapshot.ApiStage> stages = new ArrayList<>();
        if (p.hasApiStages()) {
            for (ApiStage s : p.apiStages()) {
                Map<String, UsagePlanSnapshot.Throttle> methodThrottles = new LinkedHashMap<>();
                if (s.hasThrottle()) {
                    s.throttle().forEach((method, t) -> methodThrottles.put(method, toThrottle(t)));
                }
                stages.add(new UsagePlanSnapshot.ApiStage(s.apiId(), s.stage(), methodThrottles));
            }
        }
        QuotaSettings quota = p.quota();
        return new UsagePlanSnapshot.Plan(p.id(), p.name(),
                quota == null || quota.limit() == null ? null : quota.limit().longValue(),
                quota == null ? null : quota.periodAsString(),
                quota == null ? null : quota.offset() == null ? 0L : quota.offset().longValue(),
                p.throttle() == null ? null : toThrottle(p.throttle()),
                stages);
    }

    private static UsagePlanSnapshot.Throttle toThrottle(ThrottleSettings t) {
        return new UsagePlanSnapshot.Throttle(t.rateLimit(), t.burstLimit() == null ? null : t.burstLimit().longValue());
    }
}
