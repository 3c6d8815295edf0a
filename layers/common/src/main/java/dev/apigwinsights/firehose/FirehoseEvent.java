package dev.apigwinsights.firehose;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A Firehose transformation event as read by {@link FirehoseEventReader}.
 *
 * @param records      the records that can be answered, in input order
 * @param unanswerable elements of {@code records} that are not objects or have no {@code recordId}
 * @param origin       what the invocation says about where its records come from
 */
record FirehoseEvent(List<InputRecord> records, int unanswerable, Origin origin) {

    /**
     * The invocation's region and the stream's account, checked for shape so that a malformed
     * event cannot put arbitrary text into the {@code region} or {@code account_id} columns.
     */
    record Origin(String region, String accountId) {
        private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
        private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

        static Origin of(String region, String deliveryStreamArn) {
            String account = null;
            if (deliveryStreamArn != null) {
                String[] parts = deliveryStreamArn.split(":", 6);
                account = parts.length > 4 && ACCOUNT.matcher(parts[4]).matches() ? parts[4] : null;
            }
            boolean regionOk = region != null && region.length() <= 32 && REGION.matcher(region).matches();
            return new Origin(regionOk ? region : null, account);
        }

        static boolean isAccountId(String s) {
            return s != null && ACCOUNT.matcher(s).matches();
        }
    }
}
