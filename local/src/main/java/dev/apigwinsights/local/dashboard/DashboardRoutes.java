package dev.apigwinsights.local.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwinsights.insights.Filter;
import dev.apigwinsights.insights.Insight;
import dev.apigwinsights.insights.InsightParameterException;
import dev.apigwinsights.insights.InsightParams;
import dev.apigwinsights.insights.QueryException;
import dev.apigwinsights.insights.QueryResult;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's routes, all {@code GET}:
 * <ul>
 *   <li>{@code /} the page; {@code /assets/NAME} its files ({@link DashboardAssets}, nothing else);</li>
 *   <li>{@code /api/catalog} sheets, insights, chart kinds, units and filters ({@link CatalogJson});</li>
 *   <li>{@code /api/store} the store's size, first and last request, and columns;</li>
 *   <li>{@code /api/insights/ID?from=&to=&FILTER=VALUE...} one insight's answer ({@link ResultJson}), or
 *       why this store cannot give it ({@code unavailable}: a column the store lacks);</li>
 *   <li>{@code /api/values/FILTER?from=&to=&...} the values a filter control offers ({@link FilterSuggestions}).</li>
 * </ul>
 * Errors are one JSON line, {@code {"error": "..."}}: 400 for a bad parameter (the catalog's own
 * message), 404 for an unknown insight, filter or path, 500 with no detail otherwise. Stack traces and SQL never leave the process. Bound to loopback, requests
 * must also name a loopback host, so a web page elsewhere cannot reach the API by DNS rebinding.
 */
final class DashboardRoutes extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardRoutes.class);
    private static final String JSON = "application/json; charset=utf-8";
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    /** The page loads its own files and talks to its own API; charts are drawn in canvases. */
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    /** Enough values for a control's list; the insight's own top-N may be smaller. */
    private static final int SUGGESTIONS = 50;

    private final InsightAnswers answers;
    private final boolean loopbackOnly;
    private final DashboardAssets assets = new DashboardAssets();
    private final byte[] catalog;
    private final FilterSuggestions suggestions;

    DashboardRoutes(InsightAnswers answers, boolean loopbackOnly) {
        super(InvocationType.BLOCKING);
        this.answers = answers;
        this.loopbackOnly = loopbackOnly;
        this.catalog = HtmlSafeJson.write(CatalogJson.of(answers.queries().insights())).getBytes(StandardCharsets.UTF_8);
        this.suggestions = new FilterSuggestions(answers.queries().insights());
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        try {
            route(request, response, callback);
        } catch (InsightParameterException e) {
            error(response, callback, 400, e.getMessage());
        } catch (RuntimeException | java.sql.SQLException | java.io.IOException e) {
            LOG.warn("{} {} failed: {}", request.getMethod(), Request.getPathInContext(request), e.toString());
            error(response, callback, 500, "internal error (the server's log says why)");
        }
        return true;
    }

    private void route(Request request, Response response, Callback callback) throws java.sql.SQLException, java.io.IOException {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            error(response, callback, 405, "only GET is supported");
            return;
        }
        if (loopbackOnly && !loopbackHost(request)) {
            error(response, callback, 403, "this server answers requests for localhost only");
            return;
        }
        String path = Request.getPathInContext(request);
        if (path.equals("/") || path.equals("/index.html")) {
            // The catalog and the store's summary travel with the page: its first panels need no round trip.
            ObjectNode boot = HtmlSafeJson.object().put("mode", "live").put("api", "api/");
            boot.set("catalog", HtmlSafeJson.mapper().readTree(catalog));
            boot.set("store", StoreJson.of(answers.queries().summary()));
            response.getHeaders().put("Content-Security-Policy", CSP);
            send(response, callback, 200, "text/html; charset=utf-8", new DashboardPage(assets).served(boot));
        } else if (path.startsWith("/assets/")) {
            Optional<DashboardAssets.Asset> asset = DashboardAssets.find(path.substring("/assets/".length()));
            if (asset.isEmpty()) {
                error(response, callback, 404, "no such file");
                return;
            }
            send(response, callback, 200, asset.get().contentType(), assets.bytes(asset.get()));
        } else if (path.equals("/api/catalog")) {
            send(response, callback, 200, JSON, catalog);
        } else if (path.equals("/api/store")) {
            send(response, callback, 200, JSON, HtmlSafeJson.write(StoreJson.of(answers.queries().summary())));
        } else if (path.startsWith("/api/insights/")) {
            String id = path.substring("/api/insights/".length());
            Insight insight = answers.queries().insights().find(id).orElse(null);
            if (insight == null) {
                error(response, callback, 404, unknownInsight(id));
                return;
            }
            InsightParams params = InsightRequest.parse(parameters(request), null);
            ObjectNode answer;
            try {
                answer = answers.answer(insight, params);
                response.getHeaders().put("Server-Timing", "db;dur=" + answer.get("elapsedMs").asLong());
            } catch (InsightAnswers.Unanswerable e) {
                answer = ResultJson.unavailable(insight.id(), e.reason(), e.getMessage());
            }
            send(response, callback, 200, JSON, HtmlSafeJson.write(answer));
        } else if (path.startsWith("/api/values/")) {
            String key = path.substring("/api/values/".length());
            Filter filter = Filter.byName(key).orElse(null);
            if (filter == null) {
                error(response, callback, 404, "unknown filter; filters: " + String.join(", ", Filter.keys()));
                return;
            }
            InsightParams params = InsightRequest.parse(parameters(request), filter).toBuilder().limit(SUGGESTIONS).build();
            Optional<Insight> source = suggestions.source(filter);
            ObjectNode body;
            if (source.isEmpty()) {
                body = HtmlSafeJson.object().put("filter", filter.key());
                body.putArray("values");
            } else {
                try {
                    QueryResult result = answers.queries().run(source.get(), params);
                    body = FilterSuggestions.json(filter, source.get(), result);
                } catch (QueryException e) {
                    // A store without the column has nothing to suggest; the panels say why.
                    body = HtmlSafeJson.object().put("filter", filter.key());
                    body.putArray("values");
                }
            }
            send(response, callback, 200, JSON, HtmlSafeJson.write(body));
        } else {
            error(response, callback, 404, "no such page");
        }
    }

    /** The catalog's message for an unknown id (with close matches), without echoing odd input. */
    private String unknownInsight(String id) {
        if (!id.matches("[a-z0-9_]{1,64}")) {
            return "unknown insight; /api/catalog lists them";
        }
        try {
            answers.queries().insights().get(id);
            return "unknown insight";
        } catch (InsightParameterException e) {
            return e.getMessage().replace("; `query --list` shows them all", "; /api/catalog lists them");
        }
    }

    private boolean loopbackHost(Request request) {
        String host = Request.getServerName(request);
        return host != null && LOOPBACK_NAMES.contains(host.toLowerCase(Locale.ROOT));
    }

    private static Map<String, List<String>> parameters(Request request) {
        Fields fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Fields.Field f : fields) {
            map.put(f.getName(), f.getValues());
        }
        return map;
    }

    private static void error(Response response, Callback callback, int status, String message) {
        send(response, callback, status, JSON, HtmlSafeJson.write(HtmlSafeJson.object().put("error", message)));
    }

    private static void send(Response response, Callback callback, int status, String contentType, String body) {
        send(response, callback, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(Response response, Callback callback, int status, String contentType, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(new HttpField("X-Content-Type-Options", "nosniff"));
        response.getHeaders().put(new HttpField("Referrer-Policy", "no-referrer"));
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, (long) body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** Jetty's own errors (a malformed request line, a bad URI) as one plain line, never a stack trace. */
    static final class PlainErrors implements Request.Handler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = response.getStatus() >= 400 ? response.getStatus() : 400;
            error(response, callback, status, "bad request");
            return true;
        }
    }
}
