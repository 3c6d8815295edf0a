package dev.apigwinsights.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwinsights.derive.ApiType;
import dev.apigwinsights.derive.AuthMethod;
import dev.apigwinsights.derive.ErrorCategory;
import dev.apigwinsights.enrich.EnrichmentStatus;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Columns whose values are a closed set say so in their description (which becomes the Glue
 * column comment), and the set is the enum that writes them: adding a constant without updating
 * the description fails here. ({@code schema} cannot name {@code derive} or {@code enrich} enums
 * itself without a package cycle; {@code source_kind}'s description is generated from
 * {@link SourceKind}.)
 */
class ColumnValuesDescribedTest {
    private static final Pattern CONSTANT = Pattern.compile("\\b[A-Z][A-Z0-9_]+\\b");

    private static List<String> constantsIn(CanonicalField field) {
        Matcher m = CONSTANT.matcher(field.description());
        return m.results().map(r -> r.group()).toList();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    @Test
    void closedSetColumnsListExactlyTheirEnumsConstants() {
        assertThat(constantsIn(CanonicalField.ENRICHMENT_STATUS)).containsExactlyElementsOf(names(EnrichmentStatus.values()));
        assertThat(constantsIn(CanonicalField.ERROR_CATEGORY)).containsExactlyElementsOf(names(ErrorCategory.values()));
        assertThat(constantsIn(CanonicalField.AUTH_METHOD)).containsExactlyElementsOf(names(AuthMethod.values()));
        assertThat(constantsIn(CanonicalField.API_TYPE)).containsExactlyElementsOf(names(ApiType.values()));
        assertThat(constantsIn(CanonicalField.SOURCE_KIND)).containsExactlyElementsOf(names(SourceKind.values()));
    }
}
