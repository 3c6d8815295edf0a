package dev.apigwinsights.local.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwinsights.schema.CanonicalField;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * access_logs must stay the Glue table: same column names in the same order, types that match,
 * partition columns as strings. Fails when CanonicalField, the view or the template drift.
 */
class LocalStoreSchemaTest {
    @TempDir
    Path tmp;

    private static List<String> describe(LocalStore store, String table) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement s = store.connection().createStatement(); ResultSet rs = s.executeQuery("DESCRIBE " + table)) {
            while (rs.next()) {
                out.add(rs.getString("column_name") + " " + rs.getString("column_type"));
            }
        }
        return out;
    }

    private static List<String> expected() {
        List<String> out = new ArrayList<>();
        for (CanonicalField f : CanonicalField.values()) {
            out.add(f.column() + " " + f.type().duckDbType());
        }
        for (String key : CanonicalField.partitionKeys()) {
            out.add(key + " VARCHAR");
        }
        return out;
    }

    @Test
    void viewOfAnEmptyStoreHasTheCanonicalColumnsAndPartitionColumns() throws Exception {
        try (LocalStore store = LocalStore.open(tmp.resolve("none"))) {
            assertThat(describe(store, StoreSchema.ACCESS_LOGS)).containsExactlyElementsOf(expected());
        }
    }

    @Test
    void viewOverStoredFilesHasExactlyTheSameColumns() throws Exception {
        StoreLayout layout = new StoreLayout(tmp);
        try (StoreWriter w = new StoreWriter(layout, "run", 1000, "256MB", 1)) {
            byte[] line = ("{\"request_id\":\"a\",\"request_time\":\"2024-02-01T06:47:01.000Z\",\"request_time_epoch_ms\":1706770021000,"
                    + "\"status\":200,\"extra\":{\"k\":\"v\"}}\n").getBytes(StandardCharsets.UTF_8);
            w.row("2024-02-01", line, 0, line.length);
            w.commit();
        }
        try (LocalStore store = LocalStore.open(tmp)) {
            assertThat(describe(store, StoreSchema.ACCESS_LOGS)).containsExactlyElementsOf(expected());
            try (Statement s = store.connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT year, month, day, status, extra['k'] FROM access_logs WHERE year = '2024'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1) + rs.getString(2) + rs.getString(3)).isEqualTo("20240201");
                assertThat(rs.getInt(4)).isEqualTo(200);
                assertThat(rs.getString(5)).isEqualTo("v");
            }
        }
    }

    @Test
    void viewColumnsAreTheGlueTableColumnsOfTheTemplate() throws Exception {
        Path template = Path.of(System.getProperty("apigw.events.dir", "../events")).getParent().resolve("template.yaml");
        String yaml = Files.readString(template, StandardCharsets.UTF_8);
        String block = yaml.substring(yaml.indexOf("# BEGIN GENERATED glue-columns"), yaml.indexOf("# END GENERATED glue-columns"));
        Matcher m = Pattern.compile("- Name: (\\S+)\\s+Type: (\\S+)").matcher(block);
        List<String> glue = new ArrayList<>();
        while (m.find()) {
            String glueType = m.group(2).replace("'", "");
            CanonicalField.Type type = null;
            for (CanonicalField.Type t : CanonicalField.Type.values()) {
                if (t.glueType().equals(glueType)) {
                    type = t;
                }
            }
            assertThat(type).as("Glue type %s of %s", glueType, m.group(1)).isNotNull();
            glue.add(m.group(1) + " " + type.duckDbType());
        }
        String partitions = yaml.substring(yaml.indexOf("PartitionKeys:"), yaml.indexOf("StorageDescriptor:", yaml.indexOf("PartitionKeys:")));
        Matcher p = Pattern.compile("- Name: (\\S+)\\s+Type: string").matcher(partitions);
        while (p.find()) {
            glue.add(p.group(1) + " VARCHAR");
        }

        try (LocalStore store = LocalStore.open(tmp.resolve("none"))) {
            assertThat(describe(store, StoreSchema.ACCESS_LOGS)).containsExactlyElementsOf(glue);
        }
    }

    @Test
    void processingFailedViewHasTheCrawlersColumns() throws Exception {
        try (LocalStore store = LocalStore.open(tmp)) {
            assertThat(describe(store, StoreSchema.PROCESSING_FAILED)).containsExactly("attemptsmade BIGINT", "arrivaltimestamp BIGINT",
                    "errorcode VARCHAR", "errormessage VARCHAR", "attemptendingtimestamp BIGINT", "rawdata VARCHAR",
                    "lambdaarn VARCHAR", "year VARCHAR", "month VARCHAR", "day VARCHAR");
        }
    }
}
