package dev.apigwinsights.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoCommandTest {
    @Test
    void transformsTheBundledEventsAndSummarisesTraffic() {
        CliTestSupport.Result r = CliTestSupport.run(new DemoCommand(), "--events", CliTestSupport.events().toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("firehose-direct-rest.json", "Requests by status class", "Error signatures")
                .containsPattern("records=\\s*14 ok=\\s*14")
                .contains("Records not delivered, and why");
    }
}
