package dev.apigwinsights.infra;

import dev.apigwinsights.schema.CanonicalField;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Renders the Glue column list of the {@code access_logs} table from {@link CanonicalField}, the one
 * source of truth for the schema. template.yaml holds the rendered block between two marker
 * comments; {@code GlueColumnsTest} fails when the two drift, and {@code make glue-columns} (this
 * class with {@code --write}) rewrites the block in place.
 */
public final class GlueColumns {

    public static final String BEGIN_MARKER = "# BEGIN GENERATED glue-columns";
    public static final String END_MARKER = "# END GENERATED glue-columns";

    private GlueColumns() {
    }

    /**
     * The YAML sequence of columns, one {@code - Name/Type/Comment} entry per canonical field, each
     * line prefixed with {@code indent} and terminated by a newline.
     */
    public static String render(String indent) {
        StringBuilder out = new StringBuilder();
        for (CanonicalField field : CanonicalField.values()) {
            out.append(indent).append("- Name: ").append(field.column()).append('\n');
            out.append(indent).append("  Type: ").append(plainOrQuoted(field.type().glueType())).append('\n');
            out.append(indent).append("  Comment: ").append(quote(field.description())).append('\n');
        }
        return out.toString();
    }

    /** The block as it appears in the template, markers included. */
    public static String renderBlock(String indent) {
        return indent + BEGIN_MARKER + ": from CanonicalField by `make glue-columns`; do not edit by hand\n"
                + render(indent)
                + indent + END_MARKER + "\n";
    }

    /** The generated block found in {@code template}, markers included, if both markers are present. */
    public static Optional<MarkedBlock> find(String template) {
        return MarkedBlock.find(template, BEGIN_MARKER, END_MARKER);
    }

    /** Returns {@code template} with its generated block re-rendered at the same indentation. */
    public static String regenerate(String template) {
        return MarkedBlock.regenerate(template, BEGIN_MARKER, END_MARKER, GlueColumns::renderBlock);
    }

    /** Hive type names ({@code string}, {@code map<string,string>}) are safe plain scalars; anything else is quoted. */
    static String plainOrQuoted(String value) {
        return value.matches("[a-z][a-z0-9_<>,]*") ? value : quote(value);
    }

    /** A YAML single-quoted scalar: always valid, whatever the description contains. */
    static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /**
     * {@code GlueColumns} prints the block (two-space indent); {@code GlueColumns --write template.yaml}
     * rewrites the block inside the file.
     */
    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (args.length == 2 && args[0].equals("--write")) {
            Path file = Path.of(args[1]);
            String before = Files.readString(file, StandardCharsets.UTF_8);
            String after = regenerate(before);
            if (after.equals(before)) {
                out.println(file + ": Glue columns already match CanonicalField");
            } else {
                Files.writeString(file, after, StandardCharsets.UTF_8);
                out.println(file + ": Glue columns regenerated from CanonicalField (" + CanonicalField.count() + " columns)");
            }
        } else if (args.length == 0) {
            out.print(renderBlock("  "));
        } else {
            System.err.println("usage: GlueColumns [--write template.yaml]");
            System.exit(2);
        }
    }
}
