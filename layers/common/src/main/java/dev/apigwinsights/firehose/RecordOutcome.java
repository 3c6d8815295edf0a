package dev.apigwinsights.firehose;

/**
 * What a framing made of a record that did not fail: {@code Ok} (its lines are in the
 * {@link RecordContext}) or {@code Dropped} with the reason. Failures are thrown as
 * {@link RecordFailedException}.
 */
record RecordOutcome(FirehoseResult result, String reason) {
    static final RecordOutcome OK = new RecordOutcome(FirehoseResult.Ok, null);

    static RecordOutcome dropped(String reason) {
        return new RecordOutcome(FirehoseResult.Dropped, reason);
    }
}
