package dev.apigwinsights.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The sam build path: the Makefile targets sam runs ({@code make build-<LogicalId>}) were run by
 * Maven (exec plugin, pre-integration-test) into {@code target/sam-build/<LogicalId>}; this checks
 * what sam would zip and upload.
 */
class SamBuildArtifactsIT {

    /** Nothing the functions do not run: the CLI, DuckDB, test and benchmark libraries. */
    private static final List<String> FORBIDDEN_JARS = List.of(
            "duckdb", "picocli", "junit", "opentest4j", "apiguardian", "assertj", "jmh", "wiremock",
            "aws-lambda-java-tests", "slf4j-simple", "mockito", "byte-buddy", "local-", "build-tools");

    private final Template template = Repo.template();

    private static Path artifacts(String logicalId) {
        Path dir = Path.of(System.getProperty("apigw.sam.artifacts", "target/sam-build")).resolve(logicalId);
        assertThat(dir).as("sam build output of %s (make build-%s)", logicalId, logicalId).isDirectory();
        return dir;
    }

    private static List<Path> jars(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> names(List<Path> jars) {
        return jars.stream().map(p -> p.getFileName().toString()).toList();
    }

    @Test
    void everyMakefileBuiltResourceHasAnArtifactsFolder() {
        List<String> built = new ArrayList<>();
        template.resourceMap().forEach((id, resource) -> {
            if ("makefile".equals(resource.path("Metadata").path("BuildMethod").asText())) {
                built.add(id);
                boolean layer = resource.path("Type").asText().equals("AWS::Serverless::LayerVersion");
                String uri = resource.path("Properties").path(layer ? "ContentUri" : "CodeUri").asText();
                assertThat(Repo.root().resolve(uri).resolve("Makefile")).as("Makefile at the CodeUri of %s", id).isRegularFile();
                assertThat(Repo.read("Makefile")).as("Makefile target for %s", id).contains("\nbuild-" + id + ":");
                artifacts(id);
            }
        });
        assertThat(built).contains("CommonLayer", "TransformerFunction", "ReportFunction");
    }

    @Test
    void layerHoldsTheDomainLibraryAndItsRuntimeDependenciesUnderJavaLib() {
        List<String> jars = names(jars(artifacts("CommonLayer").resolve("java/lib")));

        assertThat(jars).anyMatch(j -> j.matches("common-.*\\.jar"));
        assertThat(jars).anyMatch(j -> j.startsWith("jackson-databind-"));
        assertThat(jars).anyMatch(j -> j.startsWith("jackson-core-"));
        assertThat(jars).anyMatch(j -> j.startsWith("slf4j-api-"));
        assertThat(jars).noneMatch(j -> j.startsWith("transformer-"));
        assertForbiddenAbsent("CommonLayer", jars);
    }

    /** client_country needs the GeoIP snapshot and its reader at run time, with no network: both ship in the layer. */
    @Test
    void layerShipsTheGeoIpSnapshotInsideTheCommonJarAndTheMaxMindReader() throws IOException {
        List<Path> jars = jars(artifacts("CommonLayer").resolve("java/lib"));
        Path common = jars.stream().filter(j -> j.getFileName().toString().matches("common-.*\\.jar")).findFirst().orElseThrow();

        try (ZipFile zip = new ZipFile(common.toFile())) {
            var entry = zip.getEntry("dev/apigwinsights/geo/iptoasn-country.mmdb");
            assertThat(entry).as("%s holds the GeoIP database", common.getFileName()).isNotNull();
            assertThat(entry.getSize()).as("uncompressed database size").isGreaterThan(1_000_000L);
            System.out.printf(Locale.ROOT, "GeoIP snapshot in the layer: %,d bytes, %,d compressed%n", entry.getSize(), entry.getCompressedSize());
        }
        assertThat(names(jars)).anyMatch(j -> j.startsWith("maxmind-db-"));
        assertThat(names(jars(artifacts("TransformerFunction").resolve("lib")))).noneMatch(j -> j.startsWith("maxmind-db-"));
    }

    @Test
    void functionHoldsItsOwnJarAndOnlyDependenciesTheLayerLacks() {
        List<String> function = names(jars(artifacts("TransformerFunction").resolve("lib")));
        List<String> layer = names(jars(artifacts("CommonLayer").resolve("java/lib")));

        assertThat(function).anyMatch(j -> j.matches("transformer-.*\\.jar"));
        assertThat(function).anyMatch(j -> j.startsWith("aws-lambda-java-core-"));
        assertThat(function).anyMatch(j -> j.startsWith("crac-"));
        assertThat(function).as("jars both in the function and in its layer").doesNotContainAnyElementsOf(layer);
        assertThat(function).noneMatch(j -> j.startsWith("jackson-") || j.startsWith("common-"));
        assertForbiddenAbsent("TransformerFunction", function);
    }

    /**
     * Both functions log JSON lines through SLF4J: each function's own jar registers the provider,
     * and the provider's class is in the layer. Without it SLF4J falls back to no logging at all, and
     * a report run's per-customer failures and Athena figures would never reach CloudWatch Logs.
     */
    @Test
    void bothFunctionsRegisterTheJsonLinesLoggerTheLayerShips() throws IOException {
        String service = "META-INF/services/org.slf4j.spi.SLF4JServiceProvider";
        List<Path> layer = jars(artifacts("CommonLayer").resolve("java/lib"));
        Path common = layer.stream().filter(j -> j.getFileName().toString().matches("common-.*\\.jar")).findFirst().orElseThrow();
        for (String[] function : List.of(new String[] {"TransformerFunction", "transformer-"}, new String[] {"ReportFunction", "report-"})) {
            Path jar = jars(artifacts(function[0]).resolve("lib")).stream()
                    .filter(j -> j.getFileName().toString().matches(function[1] + "\\d.*\\.jar")).findFirst().orElseThrow();
            String provider;
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                var entry = zip.getEntry(service);
                assertThat(entry).as("%s registers an SLF4J provider", function[0]).isNotNull();
                provider = new String(zip.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            }
            assertThat(provider).as("%s's SLF4J provider", function[0]).isEqualTo("dev.apigwinsights.logging.JsonLinesLoggerProvider");
            try (ZipFile zip = new ZipFile(common.toFile())) {
                assertThat(zip.getEntry(provider.replace('.', '/') + ".class")).as("%s in the layer", provider).isNotNull();
                assertThat(zip.getEntry(service)).as("the layer itself registers no provider (the CLI shares it)").isNull();
            }
        }
    }

    @Test
    void reportFunctionCarriesTheRendererAndTheFontsButNoDuckDbCliOrTestJars() throws IOException {
        List<Path> jars = jars(artifacts("ReportFunction").resolve("lib"));
        List<String> function = names(jars);
        List<String> layer = names(jars(artifacts("CommonLayer").resolve("java/lib")));

        assertThat(function).anyMatch(j -> j.matches("report-\\d.*\\.jar"));
        assertThat(function).anyMatch(j -> j.matches("reports-\\d.*\\.jar"));
        for (String library : List.of("openhtmltopdf-pdfbox-", "pdfbox-", "jfreechart-", "compiler-", "angus-mail-", "athena-", "s3-", "sesv2-")) {
            assertThat(function).as("the report function ships %s", library).anyMatch(j -> j.startsWith(library));
        }
        assertThat(function).as("jars both in the function and in its layer").doesNotContainAnyElementsOf(layer);
        assertThat(function).noneMatch(j -> j.endsWith("-tests.jar") || j.startsWith("transformer-") || j.startsWith("common-"));
        assertForbiddenAbsent("ReportFunction", function);
        Path reports = jars.stream().filter(j -> j.getFileName().toString().matches("reports-\\d.*\\.jar")).findFirst().orElseThrow();
        try (ZipFile zip = new ZipFile(reports.toFile())) {
            for (String resource : List.of("dev/apigwinsights/reports/fonts/Inter-Regular.ttf", "dev/apigwinsights/reports/fonts/OFL.txt",
                    "dev/apigwinsights/reports/templates/report.html", "dev/apigwinsights/reports/templates/report.css")) {
                assertThat(zip.getEntry(resource)).as("%s in the reports jar", resource).isNotNull();
            }
            assertThat(zip.stream().map(e -> e.getName())).as("no test fixture in the shipped jar").noneMatch(n -> n.contains("fixture"));
        }
    }

    @Test
    void artifactsFitLambdaLimitsAndSizesAreReported() throws IOException {
        long function = size(artifacts("TransformerFunction"));
        long layer = size(artifacts("CommonLayer"));
        long report = size(artifacts("ReportFunction"));
        System.out.printf(Locale.ROOT, "sam build artifacts: TransformerFunction %,d bytes (%d jars), CommonLayer %,d bytes (%d jars),"
                        + " ReportFunction %,d bytes (%d jars)%n",
                function, jars(artifacts("TransformerFunction").resolve("lib")).size(),
                layer, jars(artifacts("CommonLayer").resolve("java/lib")).size(),
                report, jars(artifacts("ReportFunction").resolve("lib")).size());
        Files.writeString(artifacts("TransformerFunction").getParent().resolve("sizes.txt"),
                "TransformerFunction " + function + "\nCommonLayer " + layer + "\nReportFunction " + report + "\n");
        assertThat(report + layer).isLessThan(80L * 1024 * 1024);

        // Lambda allows 250 MB unzipped for a function and its layers; we stay far below.
        assertThat(function + layer).isLessThan(50L * 1024 * 1024);
    }

    @Test
    void everyHandlerClassExistsInItsArtifactWithItsHandlerMethod() throws Exception {
        for (String id : template.resourcesOfType("AWS::Serverless::Function")) {
            JsonNode properties = template.resource(id).path("Properties");
            String handler = properties.path("Handler").asText();
            String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
            String method = handler.contains("::") ? handler.substring(handler.indexOf("::") + 2) : "handleRequest";

            Path source = findSource(className);
            assumeTrue(source != null, "skipped until " + className + " exists on this branch (no "
                    + className.replace('.', '/') + ".java under functions/*/src/main/java); it becomes a hard check once it does");

            List<URL> classpath = new ArrayList<>();
            Path root = artifacts(id);
            classpath.add(root.toUri().toURL());
            for (Path jar : jars(root.resolve("lib"))) {
                classpath.add(jar.toUri().toURL());
            }
            for (JsonNode layer : properties.path("Layers")) {
                for (Path jar : jars(artifacts(layer.path("Ref").asText()).resolve("java/lib"))) {
                    classpath.add(jar.toUri().toURL());
                }
            }
            try (URLClassLoader loader = new URLClassLoader(classpath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
                Class<?> type = Class.forName(className, false, loader);
                assertThat(Modifier.isPublic(type.getModifiers())).as("%s is public", className).isTrue();
                List<Method> handlers = Stream.of(type.getMethods()).filter(m -> m.getName().equals(method)).toList();
                assertThat(handlers).as("%s has a public %s method", className, method).isNotEmpty();
                assertThat(type.getConstructor()).as("%s has a public no-arg constructor", className).isNotNull();
                boolean implementsLambdaInterface = Stream.of(type.getInterfaces()).anyMatch(i ->
                        i.getName().equals("com.amazonaws.services.lambda.runtime.RequestStreamHandler")
                                || i.getName().equals("com.amazonaws.services.lambda.runtime.RequestHandler"));
                assertThat(implementsLambdaInterface).as("%s implements a Lambda handler interface", className).isTrue();
            }
        }
    }

    private static Path findSource(String className) throws IOException {
        String relative = "src/main/java/" + className.replace('.', '/') + ".java";
        try (Stream<Path> modules = Files.list(Repo.file("functions"))) {
            return modules.map(m -> m.resolve(relative)).filter(Files::isRegularFile).findFirst().orElse(null);
        }
    }

    private static void assertForbiddenAbsent(String id, List<String> jars) {
        for (String jar : jars) {
            for (String forbidden : FORBIDDEN_JARS) {
                assertThat(jar.toLowerCase(Locale.ROOT)).as("%s must not ship %s", id, jar).doesNotContain(forbidden);
            }
        }
    }

    /** Bytes on disk of everything sam would zip; every jar must have entries. */
    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            long total = 0;
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(f);
                if (f.toString().endsWith(".jar")) {
                    try (ZipFile zip = new ZipFile(f.toFile())) {
                        if (zip.size() == 0) {
                            throw new AssertionError(f + " is an empty jar");
                        }
                    }
                }
            }
            return total;
        }
    }
}
