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
        assertThat(r.out().substring(r.out().indexOf("Requests by client country")))
                .containsPattern("\\s+\\d+\\s+CN\\n") // the Dynatrace sample's 14.21.74.x
                .containsPattern("\\s+\\d+\\s+IN\\n") // Sumo Logic's 103.108.207.58
                .contains("(none: private, documentation or unknown address)");
    }
}
