package dev.apigwinsights.enrich;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable, indexed copy of an account's usage plans and API keys, as loaded at one moment.
 * Built from the three API Gateway responses (whatever their source: the live API or a file) and
 * read by many threads without locking.
 *
 * <p>Index: API key id → the key (name, customerId, enabled) and, for each API stage the key is
 * bound to through a plan, the prebuilt {@link Resolution}. Looking a request up allocates
 * nothing. API Gateway allows a key in only one plan per API stage; should the input still bind a
 * key twice to one stage, the first plan in {@code GetUsagePlans} order wins and the conflict is
 * counted (never "last writer wins").
 *
 * <p>Throttling: a plan's {@code apiStages[].throttle} map holds method-level overrides keyed
 * {@code "resourcePath/httpMethod"} (e.g. {@code /pets/GET}, root {@code //GET}). They are applied
 * when the request's resource path and HTTP method match a key exactly; otherwise the plan-level
 * throttle is used. Wildcard keys ({@code *}) are matched literally only.
 */
final class UsagePlanSnapshot {

    /** Throttle settings; either value may be absent. */
    record Throttle(Double rateLimit, Long burstLimit) {
    }

    /** One entry of a plan's {@code apiStages}. {@code methodThrottles} is never null. */
    record ApiStage(String apiId, String stage, Map<String, Throttle> methodThrottles) {
        ApiStage {
            Objects.requireNonNull(apiId, "apiStages[].apiId");
            Objects.requireNonNull(stage, "apiStages[].stage");
            methodThrottles = methodThrottles == null ? Map.of() : Map.copyOf(methodThrottles);
        }
    }

    /** A {@code GetUsagePlans} item, reduced to what enrichment needs. Quota and throttle may be null. */
    record Plan(String id, String name, Long quotaLimit, String quotaPeriod, Long quotaOffset, Throttle throttle,
                List<ApiStage> apiStages) {
        Plan {
            Objects.requireNonNull(id, "usage plan id");
            apiStages = apiStages == null ? List.of() : List.copyOf(apiStages);
        }
    }

    /** A {@code GetUsagePlanKeys} item. The key value is deliberately not part of it. */
    record PlanKey(String id, String type, String name) {
        PlanKey {
            Objects.requireNonNull(id, "usage plan key id");
        }
    }

    /** A {@code GetApiKeys} item (fetched without values). */
    record ApiKey(String id, String name, String customerId, boolean enabled) {
        ApiKey {
            Objects.requireNonNull(id, "api key id");
        }
    }

    /**
     * The enrichment columns a request resolves to. Instances are built once per snapshot, so
     * writing them into a record allocates nothing (quota and burst are boxed here, not per record).
     */
    record Resolution(String apiKeyName, String customerId, String usagePlanId, String usagePlanName,
                      Long quotaLimit, String quotaPeriod, Long quotaOffset, Double throttleRateLimit, Long throttleBurstLimit) {
    }

    /** A key and the API stages it is bound to. */
    static final class KeyEntry {
        private final String id;
        private final boolean enabled;
        private final Resolution keyOnly;
        private final Binding[] bindings;

        private KeyEntry(String id, boolean enabled, Resolution keyOnly, Binding[] bindings) {
            this.id = id;
            this.enabled = enabled;
            this.keyOnly = keyOnly;
            this.bindings = bindings;
        }

        String id() {
            return id;
        }

        boolean enabled() {
            return enabled;
        }

        /** Name and customer only, plan columns null: for a key in no plan of the request's stage. */
        Resolution keyOnly() {
            return keyOnly;
        }

        /**
         * The resolution for a request. With both apiId and stage known this is an exact match.
         * When the log lacks one of them the key's bindings are filtered by what is known, and the
         * result is used only if exactly one binding remains (never a guess between plans).
         *
         * @return null when the key is in no plan for that API stage (or the choice is ambiguous)
         */
        Resolution resolve(String apiId, String stage, String resourcePath, String httpMethod) {
            Binding found = null;
            for (Binding b : bindings) {
                boolean apiMatches = apiId == null || apiId.equals(b.apiId);
                boolean stageMatches = stage == null || stage.equals(b.stage);
                if (apiMatches && stageMatches) {
                    if (apiId != null && stage != null) {
                        return b.resolve(resourcePath, httpMethod);
                    }
                    if (found != null) {
                        return null;
                    }
                    found = b;
                }
            }
            return found == null ? null : found.resolve(resourcePath, httpMethod);
        }
    }

    /** One (apiId, stage) a key is bound to through one plan. */
    private static final class Binding {
        private final String apiId;
        private final String stage;
        private final Resolution planLevel;
        /** resourcePath → httpMethod → resolution with the method's throttle; empty when none. */
        private final Map<String, Map<String, Resolution>> methodLevel;

        private Binding(String apiId, String stage, Resolution planLevel, Map<String, Map<String, Resolution>> methodLevel) {
            this.apiId = apiId;
            this.stage = stage;
            this.planLevel = planLevel;
            this.methodLevel = methodLevel;
        }

        Resolution resolve(String resourcePath, String httpMethod) {
            if (methodLevel.isEmpty() || resourcePath == null || httpMethod == null) {
                return planLevel;
            }
            Map<String, Resolution> byMethod = methodLevel.get(resourcePath);
            Resolution r = byMethod == null ? null : byMethod.get(httpMethod);
            return r == null ? planLevel : r;
        }
    }

    static final UsagePlanSnapshot EMPTY = of(List.of(), Map.of(), List.of());

    private final Map<String, KeyEntry> byKeyId;
    private final int planCount;
    private final int apiKeyCount;
    private final int conflicts;

    private UsagePlanSnapshot(Map<String, KeyEntry> byKeyId, int planCount, int apiKeyCount, int conflicts) {
        this.byKeyId = byKeyId;
        this.planCount = planCount;
        this.apiKeyCount = apiKeyCount;
        this.conflicts = conflicts;
    }

    /**
     * Indexes the three responses.
     *
     * @param plans    every {@code GetUsagePlans} item, in API order
     * @param planKeys plan id → every {@code GetUsagePlanKeys} item of that plan
     * @param apiKeys  every {@code GetApiKeys} item; keys found only in plans still resolve (with
     *                 the plan key's name and no customer)
     */
    static UsagePlanSnapshot of(List<Plan> plans, Map<String, List<PlanKey>> planKeys, List<ApiKey> apiKeys) {
        Map<String, ApiKey> keysById = new HashMap<>();
        for (ApiKey k : apiKeys) {
            keysById.putIfAbsent(k.id(), k);
        }
        // key id -> (apiId + '\n' + stage -> binding), insertion-ordered for deterministic output
        Map<String, LinkedHashMap<String, Binding>> bindingsByKey = new LinkedHashMap<>();
        Map<String, String> planKeyNames = new HashMap<>();
        int conflicts = 0;
        for (Plan plan : plans) {
            for (PlanKey pk : planKeys.getOrDefault(plan.id(), List.of())) {
                planKeyNames.putIfAbsent(pk.id(), pk.name());
                ApiKey key = keysById.get(pk.id());
                String keyName = key != null && key.name() != null ? key.name() : pk.name();
                String customerId = key == null ? null : key.customerId();
                LinkedHashMap<String, Binding> bindings = bindingsByKey.computeIfAbsent(pk.id(), id -> new LinkedHashMap<>());
                for (ApiStage stage : plan.apiStages()) {
                    String slot = stage.apiId() + '\n' + stage.stage();
                    if (bindings.containsKey(slot)) {
                        conflicts++;
                        continue;
                    }
                    bindings.put(slot, binding(plan, stage, keyName, customerId));
                }
            }
        }
        Map<String, KeyEntry> byKeyId = new HashMap<>();
        for (Map.Entry<String, LinkedHashMap<String, Binding>> e : bindingsByKey.entrySet()) {
            String id = e.getKey();
            ApiKey key = keysById.get(id);
            String name = key != null && key.name() != null ? key.name() : planKeyNames.get(id);
            byKeyId.put(id, new KeyEntry(id, key == null || key.enabled(),
                    keyOnly(name, key == null ? null : key.customerId()),
                    e.getValue().values().toArray(new Binding[0])));
        }
        for (ApiKey key : keysById.values()) {
            byKeyId.putIfAbsent(key.id(), new KeyEntry(key.id(), key.enabled(),
                    keyOnly(key.name(), key.customerId()), new Binding[0]));
        }
        return new UsagePlanSnapshot(Map.copyOf(byKeyId), plans.size(), keysById.size(), conflicts);
    }

    private static Resolution keyOnly(String name, String customerId) {
        return new Resolution(name, customerId, null, null, null, null, null, null, null);
    }

    private static Binding binding(Plan plan, ApiStage stage, String keyName, String customerId) {
        Resolution planLevel = resolution(plan, plan.throttle(), keyName, customerId);
        Map<String, Map<String, Resolution>> methodLevel = new HashMap<>();
        for (Map.Entry<String, Throttle> t : stage.methodThrottles().entrySet()) {
            String methodKey = t.getKey();
            int slash = methodKey.lastIndexOf('/');
            if (slash <= 0 || slash == methodKey.length() - 1) {
                continue; // not "resourcePath/httpMethod": cannot be matched to a request
            }
            String resourcePath = methodKey.substring(0, slash);
            String method = methodKey.substring(slash + 1);
            methodLevel.computeIfAbsent(resourcePath, p -> new HashMap<>())
                    .put(method, resolution(plan, t.getValue(), keyName, customerId));
        }
        return new Binding(stage.apiId(), stage.stage(), planLevel, copyNested(methodLevel));
    }

    private static Resolution resolution(Plan plan, Throttle throttle, String keyName, String customerId) {
        return new Resolution(keyName, customerId, plan.id(), plan.name(), plan.quotaLimit(), plan.quotaPeriod(), plan.quotaOffset(),
                throttle == null ? null : throttle.rateLimit(), throttle == null ? null : throttle.burstLimit());
    }

    private static Map<String, Map<String, Resolution>> copyNested(Map<String, Map<String, Resolution>> m) {
        if (m.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<String, Resolution>> copy = new HashMap<>();
        m.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        return Map.copyOf(copy);
    }

    /** The key with this id, or null when the account has no such key in any plan or key list. */
    KeyEntry key(String apiKeyId) {
        return byKeyId.get(apiKeyId);
    }

    int planCount() {
        return planCount;
    }

    /** Keys listed by {@code GetApiKeys}. */
    int apiKeyCount() {
        return apiKeyCount;
    }

    /** Keys indexed, including those found only in plans. */
    int indexedKeyCount() {
        return byKeyId.size();
    }

    /** Bindings dropped because a key was already bound to the same API stage by an earlier plan. */
    int conflicts() {
        return conflicts;
    }
}
