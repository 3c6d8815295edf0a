package dev.apigwinsights.firehose;

/** The three results Firehose accepts for a transformed record; spelled exactly as on the wire. */
public enum FirehoseResult {
    /** Transformed; delivered to the destination. */
    Ok,
    /** Intentionally skipped (CloudWatch control messages, empty records); counts as success. */
    Dropped,
    /** Could not be transformed; Firehose writes it to the processing-failed error prefix. */
    ProcessingFailed
}
