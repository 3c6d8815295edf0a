package dev.apigwinsights.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwinsights.schema.RequestTimeWindow;
import dev.apigwinsights.schema.RequestTimes;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, item 10: the transformer accepts request times exactly from the first year the
 * table's partition projection covers, so every row it writes is in a partition Athena reads.
 */
class PartitionRangeTest {
    @Test
    void theTransformerAcceptsTimesFromTheFirstProjectedYear() {
        String range = Repo.template().resource("AccessLogsTable").path("Properties").path("TableInput")
                .path("Parameters").path("projection.year.range").asText();
        assertThat(range).as("projection.year.range").matches("\\d{4},NOW");
        int firstYear = Integer.parseInt(range.substring(0, 4));
        int[] earliest = RequestTimes.civil(RequestTimeWindow.EARLIEST_MS);
        assertThat(earliest).as("RequestTimeWindow.EARLIEST_MS is 1 January of the first projected year")
                .containsExactly(firstYear, 1, 1);
        assertThat(RequestTimes.civil(RequestTimeWindow.EARLIEST_MS - 1)[0]).isEqualTo(firstYear - 1);
    }
}
