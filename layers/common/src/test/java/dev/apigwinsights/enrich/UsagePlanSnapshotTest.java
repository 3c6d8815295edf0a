package dev.apigwinsights.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsagePlanSnapshotTest {
    private static final UsagePlanSnapshot.Throttle PLAN_THROTTLE = new UsagePlanSnapshot.Throttle(100.0, 200L);

    private static UsagePlanSnapshot.Plan plan(String id, String apiId, String stage) {
        return new UsagePlanSnapshot.Plan(id, id.toUpperCase(), 10L, "DAY", 0L, PLAN_THROTTLE,
                List.of(new UsagePlanSnapshot.ApiStage(apiId, stage, Map.of())));
    }

    @Test
    void firstPlanWinsWhenAKeyIsBoundTwiceToOneStage() {
        UsagePlanSnapshot snapshot = UsagePlanSnapshot.of(
                List.of(plan("first", "api1", "prod"), plan("second", "api1", "prod")),
                Map.of("first", List.of(new UsagePlanSnapshot.PlanKey("k1", "API_KEY", "key one")),
                        "second", List.of(new UsagePlanSnapshot.PlanKey("k1", "API_KEY", "key one"))),
                List.of());

        assertThat(snapshot.key("k1").resolve("api1", "prod", null, null).usagePlanId()).isEqualTo("first");
        assertThat(snapshot.conflicts()).isEqualTo(1);
    }

    @Test
    void aKeyOnlyInAPlanResolvesWithThePlanKeysNameAndNoCustomer() {
        UsagePlanSnapshot snapshot = UsagePlanSnapshot.of(List.of(plan("p", "api1", "prod")),
                Map.of("p", List.of(new UsagePlanSnapshot.PlanKey("k1", "API_KEY", "created-since"))), List.of());

        UsagePlanSnapshot.Resolution r = snapshot.key("k1").resolve("api1", "prod", null, null);

        assertThat(r.apiKeyName()).isEqualTo("created-since");
        assertThat(r.customerId()).isNull();
        assertThat(r.usagePlanId()).isEqualTo("p");
    }

    @Test
    void ignoresAMethodThrottleKeyThatIsNotResourcePathSlashMethod() {
        UsagePlanSnapshot.Plan plan = new UsagePlanSnapshot.Plan("p", "P", null, null, null, PLAN_THROTTLE,
                List.of(new UsagePlanSnapshot.ApiStage("api1", "prod", Map.of(
                        "garbage", new UsagePlanSnapshot.Throttle(1.0, 1L),
                        "//GET", new UsagePlanSnapshot.Throttle(2.0, 3L)))));
        UsagePlanSnapshot snapshot = UsagePlanSnapshot.of(List.of(plan),
                Map.of("p", List.of(new UsagePlanSnapshot.PlanKey("k1", "API_KEY", "k"))), List.of());

        assertThat(snapshot.key("k1").resolve("api1", "prod", "/", "GET").throttleBurstLimit()).isEqualTo(3L);
        assertThat(snapshot.key("k1").resolve("api1", "prod", "/pets", "GET").throttleBurstLimit()).isEqualTo(200L);
        assertThat(snapshot.key("k1").resolve("api1", "prod", "/", "GET").quotaLimit()).isNull();
    }

    @Test
    void anUnknownKeyIsAbsent() {
        assertThat(UsagePlanSnapshot.EMPTY.key("k1")).isNull();
    }
}
