package dev.apigwinsights.infra;

import dev.apigwinsights.insights.Binding;
import dev.apigwinsights.insights.Dialect;
import dev.apigwinsights.insights.Insight;
import dev.apigwinsights.insights.InsightParams;
import dev.apigwinsights.insights.Insights;
import dev.apigwinsights.insights.SqlQuery;
import dev.apigwinsights.insights.TimeRange;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.StringJoiner;

/**
 * Renders one {@code AWS::Athena::NamedQuery} per catalog insight, in the stack's workgroup and Glue
 * database, as a contiguous block of template.yaml's Resources between two marker comments.
 * {@code NamedQueriesTest} fails when the block drifts from the catalog; {@code make named-queries}
 * (this class with {@code --write}) rewrites it.
 *
 * <p>Each query is the insight's Athena SQL for a time range and no filters: its {@code ?} are the
 * range's partition and time bounds (and the insight's own parameters, e.g. SLO targets), listed in
 * order with example values in the query's description; the Athena console asks for them on run.
 */
public final class NamedQueries {

    public static final String BEGIN_MARKER = "# BEGIN GENERATED named-queries";
    public static final String END_MARKER = "# END GENERATED named-queries";
    /** Example range for the descriptions' parameter values. */
    static final TimeRange EXAMPLE_RANGE = TimeRange.of(Instant.parse("2024-03-01T00:00:00Z"), Instant.parse("2024-03-08T00:00:00Z"));
    /** AWS::Athena::NamedQuery limits. */
    static final int MAX_DESCRIPTION = 1024;
    static final int MAX_NAME = 128;

    private NamedQueries() {
    }

    static List<Insight> insights() {
        return Insights.standard(Clock.fixed(EXAMPLE_RANGE.to(), ZoneOffset.UTC)).list();
    }

    /** The Athena SQL of an insight as saved in its named query. */
    public static SqlQuery sql(Insight insight) {
        return Insights.standard(Clock.fixed(EXAMPLE_RANGE.to(), ZoneOffset.UTC))
                .render(insight, Dialect.ATHENA, InsightParams.builder().range(EXAMPLE_RANGE).build());
    }

    /** {@code requests_by_status_class} &rarr; {@code InsightQueryRequestsByStatusClass}. */
    public static String logicalId(Insight insight) {
        StringBuilder id = new StringBuilder("InsightQuery");
        for (String part : insight.id().split("_")) {
            id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return id.toString();
    }

    static String description(Insight insight, SqlQuery q) {
        StringJoiner params = new StringJoiner(", ", " Parameters in order: ",
                ". Years as '2024', days as '2024-03-01', times as '2024-03-01 00:00:00.000' (UTC).");
        for (Binding b : q.bindings()) {
            boolean timeBound = b.name().endsWith("_year") || b.name().endsWith("_day") || b.name().endsWith("_time");
            params.add(timeBound ? b.name()
                    : b.name() + " e.g. " + new SqlQuery(Dialect.ATHENA, "", List.of(b)).athenaExecutionParameters().get(0));
        }
        String tail = q.bindings().isEmpty() ? "" : params.toString();
        String head = insight.title() + ": " + insight.question();
        int room = MAX_DESCRIPTION - tail.length();
        if (head.length() > room) {
            head = head.substring(0, Math.max(0, room - 3)) + "...";
        }
        return head + tail;
    }

    /** The block of Resources, markers included, each line prefixed by {@code indent}. */
    public static String renderBlock(String indent) {
        StringBuilder out = new StringBuilder();
        out.append(indent).append(BEGIN_MARKER).append(": one Athena named query per insight, by `make named-queries`; do not edit by hand\n");
        for (Insight insight : insights()) {
            SqlQuery q = sql(insight);
            out.append(indent).append(logicalId(insight)).append(":\n");
            out.append(indent).append("  Type: AWS::Athena::NamedQuery\n");
            out.append(indent).append("  Properties:\n");
            out.append(indent).append("    Name: !Sub '${ProjectName} ").append(insight.id()).append("'\n");
            out.append(indent).append("    Description: ").append(GlueColumns.quote(description(insight, q))).append('\n');
            out.append(indent).append("    Database: !Ref GlueDatabase\n");
            out.append(indent).append("    WorkGroup: !Ref AthenaWorkGroup\n");
            out.append(indent).append("    QueryString: |\n");
            for (String line : q.sql().split("\n")) {
                out.append(line.isBlank() ? "" : indent + "      " + line.stripTrailing()).append('\n');
            }
        }
        return out.append(indent).append(END_MARKER).append('\n').toString();
    }

    /** {@code template} with its named-query block re-rendered at the same indentation. */
    public static String regenerate(String template) {
        return MarkedBlock.regenerate(template, BEGIN_MARKER, END_MARKER, NamedQueries::renderBlock);
    }

    /** The block as found in {@code template}, markers included; empty when it is not there. */
    public static String find(String template) {
        return MarkedBlock.find(template, BEGIN_MARKER, END_MARKER).map(MarkedBlock::text).orElse("");
    }

    /** {@code NamedQueries --write template.yaml} rewrites the block in place. */
    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (args.length == 2 && args[0].equals("--write")) {
            Path file = Path.of(args[1]);
            String before = Files.readString(file, StandardCharsets.UTF_8);
            String after = regenerate(before);
            Files.writeString(file, after, StandardCharsets.UTF_8);
            out.println(file + (after.equals(before) ? ": named queries already match the catalog"
                    : ": named queries regenerated (" + insights().size() + ")"));
        } else {
            System.err.println("usage: NamedQueries --write template.yaml");
            System.exit(2);
        }
    }
}
