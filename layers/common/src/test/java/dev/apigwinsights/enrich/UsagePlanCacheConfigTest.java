package dev.apigwinsights.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsagePlanCacheConfigTest {

    @Test
    void defaultsAreFiveMinutesWithTenPercentJitter() {
        UsagePlanCacheConfig c = UsagePlanCacheConfig.fromEnvironment(Map.of());

        assertThat(c).isEqualTo(UsagePlanCacheConfig.defaults());
        assertThat(c.ttl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.jitterRatio()).isEqualTo(0.1);
        assertThat(c.firstLoadTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.earlyRefreshMinInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.refreshBudget()).isEqualTo(Duration.ofSeconds(20));
        assertThat(c.retryAfterFailure()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void readsEveryKnobFromTheEnvironment() {
        UsagePlanCacheConfig c = UsagePlanCacheConfig.fromEnvironment(Map.of(
                "USAGE_PLAN_CACHE_TTL_SECONDS", "120",
                "USAGE_PLAN_CACHE_JITTER_RATIO", "0.2",
                "USAGE_PLAN_FIRST_LOAD_TIMEOUT_MS", "1500",
                "USAGE_PLAN_EARLY_REFRESH_MIN_INTERVAL_SECONDS", "0",
                "USAGE_PLAN_REFRESH_BUDGET_MS", "8000",
                "USAGE_PLAN_RETRY_AFTER_FAILURE_SECONDS", " 10 "));

        assertThat(c).isEqualTo(new UsagePlanCacheConfig(Duration.ofMinutes(2), 0.2, Duration.ofMillis(1500),
                Duration.ZERO, Duration.ofSeconds(8), Duration.ofSeconds(10)));
    }

    @Test
    void blankValuesMeanTheDefault() {
        assertThat(UsagePlanCacheConfig.fromEnvironment(Map.of("USAGE_PLAN_CACHE_TTL_SECONDS", " ")).ttl())
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void rejectsBadValuesNamingTheVariable() {
        assertThatThrownBy(() -> UsagePlanCacheConfig.fromEnvironment(Map.of("USAGE_PLAN_CACHE_TTL_SECONDS", "5m")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("USAGE_PLAN_CACHE_TTL_SECONDS");
        assertThatThrownBy(() -> UsagePlanCacheConfig.fromEnvironment(Map.of("USAGE_PLAN_CACHE_TTL_SECONDS", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> UsagePlanCacheConfig.fromEnvironment(Map.of("USAGE_PLAN_CACHE_JITTER_RATIO", "0.9")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("USAGE_PLAN_CACHE_JITTER_RATIO");
        assertThatThrownBy(() -> UsagePlanCacheConfig.fromEnvironment(Map.of("USAGE_PLAN_FIRST_LOAD_TIMEOUT_MS", "-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("USAGE_PLAN_FIRST_LOAD_TIMEOUT_MS");
    }
}
