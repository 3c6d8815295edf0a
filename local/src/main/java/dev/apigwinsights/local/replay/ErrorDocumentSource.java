package dev.apigwinsights.local.replay;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where Firehose error documents are read from: objects (S3 keys or files), in name order. */
interface ErrorDocumentSource {

    /** Reads one object; the stream is the object as stored (possibly gzip). */
    @FunctionalInterface
    interface ObjectReader {
        void read(String name, InputStream in) throws IOException;
    }

    /** Describes the source for messages, e.g. {@code s3://bucket/errors/processing-failed/}. */
    String describe();

    /**
     * Hands each object that can hold documents of {@code window} to {@code reader}, in name order;
     * objects under a {@code year=/month=/day=} partition the window excludes are counted and skipped.
     */
    void forEachObject(TimeWindow window, ObjectReader reader, ReplayStats stats) throws IOException;

    /** The {@code year=YYYY/month=MM/day=DD} partition Firehose's error prefix puts in the name, if any. */
    static Optional<LocalDate> partitionDay(String name) {
        Matcher m = Partition.DAY.matcher(name);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Holder of the partition pattern (interfaces cannot have private constants). */
    final class Partition {
        static final Pattern DAY = Pattern.compile("year=(\\d{4})/month=(\\d{2})/day=(\\d{2})/");

        private Partition() {
        }
    }
}
