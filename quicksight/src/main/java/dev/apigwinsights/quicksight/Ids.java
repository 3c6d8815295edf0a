package dev.apigwinsights.quicksight;

import java.util.regex.Pattern;

/** QuickSight ids (sheet, visual, filter, control, field): {@code [\w\-]+}, at most 512 characters. */
final class Ids {

    private static final Pattern ID = Pattern.compile("[\\w\\-]{1,512}");

    private Ids() {
    }

    static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
