package dev.apigwinsights.quicksight.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.apigwinsights.insights.InsightCatalog;
import dev.apigwinsights.quicksight.DataSetColumns;
import dev.apigwinsights.quicksight.QuickSightTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Writes {@code quicksight/quicksight.json}, the nested stack template.yaml deploys, from the
 * canonical schema and the insight catalog, and the generated part of {@code docs/dashboards.md}.
 * {@code QuickSightTemplateTest} and {@code DashboardDocsTest} fail when the committed files differ
 * from what this produces; {@code make quicksight} rewrites both.
 */
public final class Generator {

    /** Where template.yaml's nested stack points, relative to the repository root. */
    public static final String TEMPLATE_PATH = "quicksight/quicksight.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Generator() {
    }

    /** The version the About sheet and descriptions show (the Maven project version). */
    public static String version() {
        try (InputStream in = Generator.class.getResourceAsStream("/apigw-insights-quicksight.properties")) {
            if (in == null) {
                throw new IllegalStateException("apigw-insights-quicksight.properties is missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the generated part of the dashboards guide is, relative to the repository root. */
    public static final String DOCS_PATH = "docs/dashboards.md";

    /** The dashboard generated from the standard catalog over the access-log table. */
    public static CatalogDashboard.Result dashboard() {
        return CatalogDashboard.build(InsightCatalog.all(), DataSetColumns.accessLogs(), version());
    }

    public static JsonNode template() {
        return new QuickSightTemplate(dashboard().spec(), version()).build();
    }

    /** Longest line a JSON value is written on when it fits; larger values are broken over lines. */
    static final int LINE_WIDTH = 120;

    /**
     * From this indentation on (a sheet's visuals, a filter group's members) values stay on one
     * line whatever their length: one line per visual keeps diffs readable and the template about
     * 40% smaller than fully indented JSON, which matters against CloudFormation's 1 MB limit.
     */
    static final int COMPACT_FROM_INDENT = 16;

    /**
     * JSON for review and for CloudFormation's size limit at once: a value that fits on one line
     * (after its key) is written compactly, larger ones one member per line with a two-space
     * indent, down to {@link #COMPACT_FROM_INDENT}. LF line ends, a final newline: stable diffs.
     */
    public static String render(JsonNode template) {
        StringBuilder out = new StringBuilder();
        write(out, template, 0, 0);
        return out.append('\n').toString();
    }

    private static void write(StringBuilder out, JsonNode node, int indent, int used) {
        String compact = compact(node);
        if (!node.isContainerNode() || node.isEmpty() || used + compact.length() <= LINE_WIDTH
                || indent >= COMPACT_FROM_INDENT) {
            out.append(compact);
            return;
        }
        String inner = " ".repeat(indent + 2);
        boolean object = node.isObject();
        out.append(object ? '{' : '[');
        boolean first = true;
        if (object) {
            for (var e : node.properties()) {
                out.append(first ? "\n" : ",\n").append(inner);
                String key = compact(MAPPER.getNodeFactory().textNode(e.getKey())) + ": ";
                out.append(key);
                write(out, e.getValue(), indent + 2, key.length());
                first = false;
            }
        } else {
            for (JsonNode element : node) {
                out.append(first ? "\n" : ",\n").append(inner);
                write(out, element, indent + 2, 0);
                first = false;
            }
        }
        out.append('\n').append(" ".repeat(indent)).append(object ? '}' : ']');
    }

    private static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the template", e);
        }
    }

    /**
     * {@code Generator} prints the template; {@code Generator --write TEMPLATE [--docs GUIDE]} writes
     * it (and the generated part of the guide).
     */
    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (args.length == 0) {
            out.print(render(template()));
        } else if (args.length == 2 && args[0].equals("--write") || args.length == 4 && args[0].equals("--write") && args[2].equals("--docs")) {
            CatalogDashboard.Result dashboard = dashboard();
            String template = render(new QuickSightTemplate(dashboard.spec(), version()).build());
            write(out, Path.of(args[1]), template);
            if (args.length == 4) {
                Path guide = Path.of(args[3]);
                write(out, guide, DashboardDocs.rewrite(Files.readString(guide, StandardCharsets.UTF_8), dashboard, InsightCatalog.all(),
                        template.getBytes(StandardCharsets.UTF_8).length));
            }
        } else {
            System.err.println("usage: Generator [--write " + TEMPLATE_PATH + " [--docs " + DOCS_PATH + "]]");
            System.exit(2);
        }
    }

    private static void write(PrintStream out, Path file, String content) throws IOException {
        String before = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        if (before.equals(content)) {
            out.println(file + ": already up to date");
        } else {
            Files.writeString(file, content, StandardCharsets.UTF_8);
            out.println(file + ": regenerated (" + content.getBytes(StandardCharsets.UTF_8).length + " bytes)");
        }
    }
}
