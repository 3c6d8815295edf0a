package dev.apigwinsights.quicksight;

import java.util.List;

/** The rich-text markup of a QuickSight sheet text box: a {@code <text-box>} element, one line per paragraph. */
final class TextBoxContent {

    private TextBoxContent() {
    }

    static String of(List<String> paragraphs) {
        StringBuilder out = new StringBuilder("<text-box>");
        for (int i = 0; i < paragraphs.size(); i++) {
            if (i > 0) {
                out.append("<br/><br/>");
            }
            out.append(escape(paragraphs.get(i)));
        }
        return out.append("</text-box>").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
