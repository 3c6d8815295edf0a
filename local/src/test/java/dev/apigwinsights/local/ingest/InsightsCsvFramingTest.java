package dev.apigwinsights.local.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rows of the console's Logs Insights CSV download, as RFC 4180 quotes them. */
class InsightsCsvFramingTest {
    @Test
    void splitsQuotedFieldsWithDoubledQuotesAndCommas() {
        assertThat(InsightsCsvFraming.fields("2024-02-01 06:47:49.673,\"{\"\"requestId\"\":\"\"r,1\"\"}\",stream-1"))
                .containsExactly("2024-02-01 06:47:49.673", "{\"requestId\":\"r,1\"}", "stream-1");
        assertThat(InsightsCsvFraming.fields(",,")).containsExactly("", "", "");
        assertThat(InsightsCsvFraming.fields("\"\",x")).containsExactly("", "x");
    }

    @Test
    void aQuotedFieldStillOpenAtTheEndOfTheLineGoesOnOnTheNext() {
        assertThat(InsightsCsvFraming.fields("t,\"line one")).isNull();
        assertThat(InsightsCsvFraming.fields("t,\"line one\nline two\",s")).containsExactly("t", "line one\nline two", "s");
    }

    @Test
    void aHeaderNamesTheMessageField() {
        assertThat(InsightsCsvFraming.isHeader("@timestamp,@message,@logStream")).isTrue();
        assertThat(InsightsCsvFraming.isHeader("\uFEFF\"@timestamp\",\"@message\" ")).isTrue();
        assertThat(InsightsCsvFraming.isHeader("203.0.113.5,-,01/Feb/2024:06:47:49 +0000,GET,/pets,200,12")).isFalse();
        assertThat(InsightsCsvFraming.isHeader("@timestamp,\"@message")).isFalse();
        assertThat(InsightsCsvFraming.isHeader("timestamp,message")).as("log events saved from the console").isTrue();
        assertThat(InsightsCsvFraming.isHeader("id,message,severity")).as("a message column alone is any CSV").isFalse();
    }
}
