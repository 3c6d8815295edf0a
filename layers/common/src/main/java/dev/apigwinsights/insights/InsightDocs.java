package dev.apigwinsights.insights;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.StringJoiner;

/**
 * Renders the reference part of {@code docs/insights.md} from the catalog: every insight (id,
 * question, chart, columns) sheet by sheet, and the filters. The file keeps it between two marker
 * comments; a test fails when it is stale and {@code make insights-docs} (this class with
 * {@code --write}) rewrites it.
 */
public final class InsightDocs {

    public static final String BEGIN_MARKER = "<!-- BEGIN GENERATED insights";
    public static final String END_MARKER = "<!-- END GENERATED insights -->";

    private InsightDocs() {
    }

    /** The generated block, markers included. */
    public static String render(List<Insight> insights) {
        StringBuilder md = new StringBuilder();
        md.append(BEGIN_MARKER).append(": from the insight catalog by `make insights-docs`; do not edit by hand -->\n");
        long explicit = insights.stream().filter(i -> !i.isDeclarative()).count();
        md.append(insights.size()).append(" insights in ").append(Sheet.values().length).append(" sheets (")
                .append(insights.size() - explicit).append(" declarative, ").append(explicit).append(" explicit SQL, marked *).\n");
        for (Sheet sheet : Sheet.values()) {
            List<Insight> ofSheet = insights.stream().filter(i -> i.sheet() == sheet).toList();
            if (ofSheet.isEmpty()) {
                continue;
            }
            md.append("\n## ").append(sheet.title()).append("\n\n").append(sheet.description()).append(".\n\n");
            md.append("| id | question | chart | columns |\n|---|---|---|---|\n");
            for (Insight i : ofSheet) {
                StringJoiner columns = new StringJoiner(", ");
                for (ResultColumn c : i.columns()) {
                    String unit = c.unit() == Unit.NONE ? "" : " " + c.unit().id();
                    columns.add("`" + c.name() + "` " + c.type().id() + unit);
                }
                md.append("| `").append(i.id()).append('`').append(i.isDeclarative() ? "" : " *").append(" | ")
                        .append(cell(i.question())).append(" | ").append(i.chart().id()).append(" | ").append(columns).append(" |\n");
            }
        }
        md.append("\n## Filters\n\nEvery insight takes these (CLI `--filter key=value`, repeated keys are OR-ed, different keys AND-ed).\n\n");
        md.append("| key | also accepted as | type | values | matches |\n|---|---|---|---|---|\n");
        for (Filter f : Filter.values()) {
            StringJoiner aliases = new StringJoiner(", ");
            f.names().stream().skip(1).forEach(n -> aliases.add("`" + n + "`"));
            md.append("| `").append(f.key()).append("` | ").append(aliases).append(" | ").append(f.valueType().id()).append(" | ")
                    .append(f.allowedValues().isEmpty() ? "any" : String.join(", ", f.allowedValues())).append(" | ")
                    .append(cell(f.description())).append(" |\n");
        }
        return md.append(END_MARKER).append('\n').toString();
    }

    /** {@code document} with its generated block replaced by a fresh one. */
    public static String regenerate(String document, List<Insight> insights) {
        int begin = document.indexOf(BEGIN_MARKER);
        int end = document.indexOf(END_MARKER);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("no '" + BEGIN_MARKER + "' ... '" + END_MARKER + "' block");
        }
        int after = document.indexOf('\n', end);
        after = after < 0 ? document.length() : after + 1;
        return document.substring(0, begin) + render(insights) + document.substring(after);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** {@code InsightDocs --write docs/insights.md} rewrites the block; without arguments it prints it. */
    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<Insight> insights = Insights.standard(Clock.systemUTC()).list();
        if (args.length == 2 && args[0].equals("--write")) {
            Path file = Path.of(args[1]);
            String before = Files.readString(file, StandardCharsets.UTF_8);
            String after = regenerate(before, insights);
            Files.writeString(file, after, StandardCharsets.UTF_8);
            out.println(file + (after.equals(before) ? ": already up to date" : ": regenerated (" + insights.size() + " insights)"));
        } else if (args.length == 0) {
            out.print(render(insights));
        } else {
            System.err.println("usage: InsightDocs [--write docs/insights.md]");
            System.exit(2);
        }
    }
}
