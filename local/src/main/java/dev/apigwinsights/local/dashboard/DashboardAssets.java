package dev.apigwinsights.local.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The page's static files, all resources on the class path: the template, style sheet and script
 * beside this class, ECharts' browser bundle from its webjar, and the world map and country names
 * the build took from pinned npm packages. Only the names listed here are ever served, so a
 * request path can never reach another resource.
 */
public final class DashboardAssets {

    static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final String HERE = "dev/apigwinsights/local/dashboard/";

    /** A served file: its class path location and content type. */
    public record Asset(String name, String resource, String contentType) {
    }

    private static final Map<String, Asset> ASSETS = new LinkedHashMap<>();

    static {
        add("dashboard.css", HERE + "dashboard.css", "text/css; charset=utf-8");
        add("dashboard.js", HERE + "dashboard.js", "text/javascript; charset=utf-8");
        add("echarts.min.js", ECHARTS, "text/javascript; charset=utf-8");
        add("countries-110m.json", HERE + "countries-110m.json", "application/json");
        add("country-codes.json", HERE + "country-codes.json", "application/json");
        add("country-names-en.json", HERE + "country-names-en.json", "application/json");
    }

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    private static void add(String name, String resource, String contentType) {
        ASSETS.put(name, new Asset(name, resource, contentType));
    }

    /** The asset called {@code name}, if it is one. */
    public static Optional<Asset> find(String name) {
        return Optional.ofNullable(ASSETS.get(name));
    }

    /** The bytes of {@code asset} (read once). */
    public byte[] bytes(Asset asset) {
        return cache.computeIfAbsent(asset.resource(), DashboardAssets::read);
    }

    public String text(String name) {
        return new String(bytes(ASSETS.get(name)), StandardCharsets.UTF_8);
    }

    /** The page template (not served as it is: {@link DashboardPage} fills it). */
    public String template() {
        return new String(cache.computeIfAbsent(HERE + "dashboard.html", DashboardAssets::read), StandardCharsets.UTF_8);
    }

    /** Why a panel can be empty, by sheet and insight id ({@code empty-states.json}). */
    public com.fasterxml.jackson.databind.node.ObjectNode emptyStates() {
        byte[] json = cache.computeIfAbsent(HERE + "empty-states.json", DashboardAssets::read);
        try {
            return (com.fasterxml.jackson.databind.node.ObjectNode) HtmlSafeJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("empty-states.json is not JSON", e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = DashboardAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " (a broken build?)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }
}
