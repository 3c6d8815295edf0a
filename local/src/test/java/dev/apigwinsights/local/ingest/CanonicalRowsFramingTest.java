package dev.apigwinsights.local.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A delivered row is stored as it is only when its key can be read from it one way. */
class CanonicalRowsFramingTest {
    private static final String TIME = "\"request_time\":\"2024-02-03T10:00:00.000Z\"";

    @Test
    void trustsAWellTypedRowAndSaysItsDayAndWhetherItHasARequestId() {
        assertThat(check("{\"request_id\":\"a-1\"," + TIME + ",\"status\":200}"))
                .isEqualTo(new CanonicalRowsFraming.Row("2024-02-03", true));
        assertThat(check("{" + TIME + ",\"status\":200}")).isEqualTo(new CanonicalRowsFraming.Row("2024-02-03", false));
    }

    @Test
    void doesNotTrustARowNamingAMemberTwiceOrCarryingTheIngestsOwnLineHash() {
        // Which request id a reader would take from the first is a guess; the second would be read as its key.
        assertThat(check("{\"request_id\":\"a-1\"," + TIME + ",\"request_id\":\"a-2\"}")).isNull();
        assertThat(check("{\"status\":200," + TIME + ",\"request_id\":\"a-1\",\"_line_hash\":\"00ff\"}")).isNull();
    }

    private static CanonicalRowsFraming.Row check(String line) {
        return CanonicalRowsFraming.check(line.getBytes(StandardCharsets.UTF_8));
    }
}
