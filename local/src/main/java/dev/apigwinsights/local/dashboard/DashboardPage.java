package dev.apigwinsights.local.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Fills the page template ({@code dashboard.html}) for its two uses. Served, the page links its
 * style sheet and scripts and asks the API for everything; as a snapshot, the same files are
 * inlined and the data travels in a JSON element, so the file works from {@code file://} offline.
 * The template has three slots, {@code {{styles}}}, {@code {{scripts}}} and {@code {{boot}}}; the boot
 * JSON always carries the empty-state texts ({@code empty-states.json}).
 */
public final class DashboardPage {

    private final DashboardAssets assets;

    public DashboardPage(DashboardAssets assets) {
        this.assets = assets;
    }

    /** The served page: assets by URL, {@code boot} tells the script where the API is. */
    public String served(ObjectNode boot) {
        return fill("<link rel=\"stylesheet\" href=\"assets/dashboard.css\">",
                "<script src=\"assets/echarts.min.js\"></script>\n<script src=\"assets/dashboard.js\"></script>",
                boot);
    }

    /** The self-contained page: every asset inlined, {@code boot} carries the snapshot's data. */
    public String standalone(ObjectNode boot) {
        String scripts = inlineScript(assets.text("echarts.min.js")) + "\n"
                + json("apigw-geo-topology", assets.text("countries-110m.json")) + "\n"
                + json("apigw-geo-codes", assets.text("country-codes.json")) + "\n"
                + json("apigw-geo-names", assets.text("country-names-en.json")) + "\n"
                + inlineScript(assets.text("dashboard.js"));
        return fill("<style>\n" + assets.text("dashboard.css") + "\n</style>", scripts, boot);
    }

    private String fill(String styles, String scripts, ObjectNode boot) {
        ObjectNode withTexts = boot.deepCopy();
        withTexts.set("emptyStates", assets.emptyStates());
        return fillSlots(assets.template(), java.util.Map.of(
                "styles", styles,
                "scripts", scripts,
                "boot", "<script type=\"application/json\" id=\"apigw-boot\">" + HtmlSafeJson.write(withTexts) + "</script>"));
    }

    /**
     * Replaces each {@code {{name}}} of {@code template} in one pass, so text put into one slot (data
     * from logs, for instance) is never searched for another slot. Every slot must be filled.
     */
    static String fillSlots(String template, java.util.Map<String, String> slots) {
        StringBuilder out = new StringBuilder(template.length() + slots.values().stream().mapToInt(String::length).sum());
        int at = 0;
        while (true) {
            int open = template.indexOf("{{", at);
            if (open < 0) {
                break;
            }
            int close = template.indexOf("}}", open);
            String value = close < 0 ? null : slots.get(template.substring(open + 2, close));
            if (value == null) {
                throw new IllegalStateException("the page template has an unknown slot at offset " + open);
            }
            out.append(template, at, open).append(value);
            at = close + 2;
        }
        return out.append(template, at, template.length()).toString();
    }

    /**
     * A script element holding {@code js}. A script body ends at the first {@code </script}, so
     * that sequence (absent from our files today) is broken up the way JavaScript allows.
     */
    private static String inlineScript(String js) {
        return "<script>\n" + js.replace("</script", "<\\/script") + "\n</script>";
    }

    /** Third-party JSON data, re-written through the HTML-safe writer so it cannot close its element. */
    private static String json(String id, String text) {
        try {
            Object tree = HtmlSafeJson.mapper().readTree(text);
            return "<script type=\"application/json\" id=\"" + id + "\">" + HtmlSafeJson.write(tree) + "</script>";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(id + ": the bundled data is not JSON", e);
        }
    }
}
