package dev.apigwinsights.local.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A key the filter was given must never be reported unseen: that row would skip its dedupe check and be stored twice. */
class DayKeyFilterTest {

    @Test
    void neverForgetsAKeyAsItGrowsAndAnswersMaybeForAboutOneUnseenKeyInAHundred() {
        DayKeyFilter filter = new DayKeyFilter(1 << 16, 64L << 20);
        SplittableRandom keys = new SplittableRandom(7);
        int maybeWhileFilling = 0;
        for (int i = 0; i < 1_000_000; i++) {
            if (filter.add(keys.nextLong())) {
                maybeWhileFilling++;
            }
        }
        assertThat(maybeWhileFilling).as("new keys taken for seen while the filter grows").isLessThan(30_000);
        SplittableRandom again = new SplittableRandom(7);
        for (int i = 0; i < 1_000_000; i++) {
            if (!filter.add(again.nextLong())) {
                throw new AssertionError("key " + i + " was forgotten");
            }
        }
        SplittableRandom unseen = new SplittableRandom(8);
        int maybe = 0;
        for (int i = 0; i < 100_000; i++) {
            if (filter.add(unseen.nextLong())) {
                maybe++;
            }
        }
        // Five stages (64k to 1M keys) each answer about 1% wrong: a few percent in all.
        assertThat(maybe).as("false positives among 100,000 unseen keys").isBetween(100, 6_000);
    }

    @Test
    void staysWithinItsCapAndStillNeverForgetsAKeyPastIt() {
        long cap = 1L << 20;
        DayKeyFilter filter = new DayKeyFilter(1 << 16, cap);
        for (long k = 1; k <= 2_000_000; k++) {
            filter.add(k * 0x9e3779b97f4a7c15L);
        }
        assertThat(filter.bytes()).isLessThanOrEqualTo(cap);
        for (long k = 1; k <= 2_000_000; k++) {
            assertThat(filter.add(k * 0x9e3779b97f4a7c15L)).isTrue();
        }
    }

    @Test
    void keepsTheSameKeyOnTwoDaysApart() {
        DayKeyFilter filter = new DayKeyFilter(1 << 16, 1L << 20);
        byte[] id = "8e1b2c3d-0000-4000-8000-000000000001".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        long key = DayKeyFilter.hash(id, 0, id.length);
        byte[] monday = "2024-02-05".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] tuesday = "2024-02-06".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        assertThat(filter.add(DayKeyFilter.dayKey(DayKeyFilter.hash(monday, 0, 10), key))).isFalse();
        assertThat(filter.add(DayKeyFilter.dayKey(DayKeyFilter.hash(tuesday, 0, 10), key))).isFalse();
        assertThat(filter.add(DayKeyFilter.dayKey(DayKeyFilter.hash(monday, 0, 10), key))).isTrue();
    }
}
