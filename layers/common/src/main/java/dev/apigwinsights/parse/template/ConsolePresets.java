package dev.apigwinsights.parse.template;

import dev.apigwinsights.parse.AccessLogParseException;
import dev.apigwinsights.parse.AccessLogParser;
import dev.apigwinsights.parse.RawAccessLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The access-log formats the API Gateway console offers (CLF, JSON, XML, CSV for REST, HTTP and
 * WebSocket APIs), and a parser that recognises lines in any of the non-JSON ones without being
 * told which.
 *
 * <p>REST and HTTP templates are as the console and the developer guide give them. REST stages
 * configured before the console added {@code $context.extendedRequestId} still use the earlier
 * presets (also what the CDK's {@code AccessLogFormat.clf()} writes), so those are here as
 * {@code *_LEGACY}. The WebSocket templates are the guide's, which it prints over several lines
 * with {@code \} continuations; here they are joined into the single line API Gateway requires.
 */
public final class ConsolePresets {

    /** Which kind of API a preset is offered for. */
    public enum Api { REST, HTTP, WEBSOCKET }

    /** The layout of a preset. */
    public enum Layout { CLF, JSON, XML, CSV }

    /** A named preset. */
    public record Preset(String name, Api api, Layout layout, String template) {
        public LogFormat compile() {
            return LogFormat.compile(template);
        }
    }

    public static final String REST_CLF = "$context.identity.sourceIp $context.identity.caller"
            + " $context.identity.user [$context.requestTime]\"$context.httpMethod $context.resourcePath"
            + " $context.protocol\" $context.status $context.responseLength $context.requestId"
            + " $context.extendedRequestId";
    public static final String REST_JSON = "{ \"requestId\":\"$context.requestId\","
            + " \"extendedRequestId\":\"$context.extendedRequestId\",\"ip\": \"$context.identity.sourceIp\","
            + " \"caller\":\"$context.identity.caller\", \"user\":\"$context.identity.user\","
            + " \"requestTime\":\"$context.requestTime\", \"httpMethod\":\"$context.httpMethod\","
            + " \"resourcePath\":\"$context.resourcePath\", \"status\":\"$context.status\","
            + " \"protocol\":\"$context.protocol\", \"responseLength\":\"$context.responseLength\" }";
    public static final String REST_XML = "<request id=\"$context.requestId\">"
            + " <extendedRequestId>$context.extendedRequestId</extendedRequestId>"
            + " <ip>$context.identity.sourceIp</ip> <caller>$context.identity.caller</caller>"
            + " <user>$context.identity.user</user> <requestTime>$context.requestTime</requestTime>"
            + " <httpMethod>$context.httpMethod</httpMethod> <resourcePath>$context.resourcePath</resourcePath>"
            + " <status>$context.status</status> <protocol>$context.protocol</protocol>"
            + " <responseLength>$context.responseLength</responseLength> </request>";
    public static final String REST_CSV = "$context.identity.sourceIp,$context.identity.caller,"
            + "$context.identity.user,$context.requestTime,$context.httpMethod,$context.resourcePath,"
            + "$context.protocol,$context.status,$context.responseLength,$context.requestId,"
            + "$context.extendedRequestId";

    /**
     * The REST CLF preset as many stages actually have it: with the space after {@code ]} that the
     * console's template lacks (operators add it so the line reads as standard CLF).
     */
    public static final String REST_CLF_SPACED = "$context.identity.sourceIp $context.identity.caller"
            + " $context.identity.user [$context.requestTime] \"$context.httpMethod $context.resourcePath"
            + " $context.protocol\" $context.status $context.responseLength $context.requestId"
            + " $context.extendedRequestId";
    public static final String REST_CLF_LEGACY = "$context.identity.sourceIp $context.identity.caller"
            + " $context.identity.user [$context.requestTime] \"$context.httpMethod $context.resourcePath"
            + " $context.protocol\" $context.status $context.responseLength $context.requestId";
    public static final String REST_JSON_LEGACY = "{ \"requestId\":\"$context.requestId\","
            + " \"ip\": \"$context.identity.sourceIp\", \"caller\":\"$context.identity.caller\","
            + " \"user\":\"$context.identity.user\", \"requestTime\":\"$context.requestTime\","
            + " \"httpMethod\":\"$context.httpMethod\", \"resourcePath\":\"$context.resourcePath\","
            + " \"status\":\"$context.status\", \"protocol\":\"$context.protocol\","
            + " \"responseLength\":\"$context.responseLength\" }";
    public static final String REST_XML_LEGACY = "<request id=\"$context.requestId\">"
            + " <ip>$context.identity.sourceIp</ip> <caller>$context.identity.caller</caller>"
            + " <user>$context.identity.user</user> <requestTime>$context.requestTime</requestTime>"
            + " <httpMethod>$context.httpMethod</httpMethod> <resourcePath>$context.resourcePath</resourcePath>"
            + " <status>$context.status</status> <protocol>$context.protocol</protocol>"
            + " <responseLength>$context.responseLength</responseLength> </request>";
    public static final String REST_CSV_LEGACY = "$context.identity.sourceIp,$context.identity.caller,"
            + "$context.identity.user,$context.requestTime,$context.httpMethod,$context.resourcePath,"
            + "$context.protocol,$context.status,$context.responseLength,$context.requestId";

    public static final String HTTP_CLF = "$context.identity.sourceIp - - [$context.requestTime]"
            + " \"$context.httpMethod $context.routeKey $context.protocol\" $context.status"
            + " $context.responseLength $context.requestId";
    public static final String HTTP_JSON = "{ \"requestId\":\"$context.requestId\","
            + " \"ip\": \"$context.identity.sourceIp\", \"requestTime\":\"$context.requestTime\","
            + " \"httpMethod\":\"$context.httpMethod\",\"routeKey\":\"$context.routeKey\","
            + " \"status\":\"$context.status\",\"protocol\":\"$context.protocol\","
            + " \"responseLength\":\"$context.responseLength\" }";
    public static final String HTTP_XML = "<request id=\"$context.requestId\">"
            + " <ip>$context.identity.sourceIp</ip> <requestTime>$context.requestTime</requestTime>"
            + " <httpMethod>$context.httpMethod</httpMethod> <routeKey>$context.routeKey</routeKey>"
            + " <status>$context.status</status> <protocol>$context.protocol</protocol>"
            + " <responseLength>$context.responseLength</responseLength> </request>";
    public static final String HTTP_CSV = "$context.identity.sourceIp,$context.requestTime,"
            + "$context.httpMethod,$context.routeKey,$context.protocol,$context.status,"
            + "$context.responseLength,$context.requestId";

    public static final String WEBSOCKET_CLF = "$context.identity.sourceIp $context.identity.caller"
            + " $context.identity.user [$context.requestTime] \"$context.eventType $context.routeKey"
            + " $context.connectionId\" $context.status $context.requestId";
    public static final String WEBSOCKET_JSON = "{\"requestId\":\"$context.requestId\","
            + " \"ip\": \"$context.identity.sourceIp\", \"caller\":\"$context.identity.caller\","
            + " \"user\":\"$context.identity.user\", \"requestTime\":\"$context.requestTime\","
            + " \"eventType\":\"$context.eventType\", \"routeKey\":\"$context.routeKey\","
            + " \"status\":\"$context.status\", \"connectionId\":\"$context.connectionId\"}";
    public static final String WEBSOCKET_XML = "<request id=\"$context.requestId\">"
            + " <ip>$context.identity.sourceIp</ip> <caller>$context.identity.caller</caller>"
            + " <user>$context.identity.user</user> <requestTime>$context.requestTime</requestTime>"
            + " <eventType>$context.eventType</eventType> <routeKey>$context.routeKey</routeKey>"
            + " <status>$context.status</status> <connectionId>$context.connectionId</connectionId>"
            + " </request>";
    public static final String WEBSOCKET_CSV = "$context.identity.sourceIp,$context.identity.caller,"
            + "$context.identity.user,$context.requestTime,$context.eventType,$context.routeKey,"
            + "$context.connectionId,$context.status,$context.requestId";

    private static final List<Preset> ALL = List.of(
            new Preset("REST_CLF", Api.REST, Layout.CLF, REST_CLF),
            new Preset("REST_JSON", Api.REST, Layout.JSON, REST_JSON),
            new Preset("REST_XML", Api.REST, Layout.XML, REST_XML),
            new Preset("REST_CSV", Api.REST, Layout.CSV, REST_CSV),
            new Preset("REST_CLF_SPACED", Api.REST, Layout.CLF, REST_CLF_SPACED),
            new Preset("REST_CLF_LEGACY", Api.REST, Layout.CLF, REST_CLF_LEGACY),
            new Preset("REST_JSON_LEGACY", Api.REST, Layout.JSON, REST_JSON_LEGACY),
            new Preset("REST_XML_LEGACY", Api.REST, Layout.XML, REST_XML_LEGACY),
            new Preset("REST_CSV_LEGACY", Api.REST, Layout.CSV, REST_CSV_LEGACY),
            new Preset("HTTP_CLF", Api.HTTP, Layout.CLF, HTTP_CLF),
            new Preset("HTTP_JSON", Api.HTTP, Layout.JSON, HTTP_JSON),
            new Preset("HTTP_XML", Api.HTTP, Layout.XML, HTTP_XML),
            new Preset("HTTP_CSV", Api.HTTP, Layout.CSV, HTTP_CSV),
            new Preset("WEBSOCKET_CLF", Api.WEBSOCKET, Layout.CLF, WEBSOCKET_CLF),
            new Preset("WEBSOCKET_JSON", Api.WEBSOCKET, Layout.JSON, WEBSOCKET_JSON),
            new Preset("WEBSOCKET_XML", Api.WEBSOCKET, Layout.XML, WEBSOCKET_XML),
            new Preset("WEBSOCKET_CSV", Api.WEBSOCKET, Layout.CSV, WEBSOCKET_CSV));

    private static final Detector DETECTOR = new Detector(LogFormat.WORK_BUDGET);

    private ConsolePresets() {
    }

    /** Every preset, REST first. */
    public static List<Preset> all() {
        return ALL;
    }

    /** The preset with this name (e.g. {@code HTTP_CSV}). */
    public static Optional<Preset> byName(String name) {
        return ALL.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * A parser for lines in any non-JSON preset (CLF, XML, CSV; REST, HTTP or WebSocket). It
     * throws {@link AccessLogParseException} for a line no preset matches. Thread-safe.
     */
    public static AccessLogParser autodetect() {
        return DETECTOR;
    }

    /**
     * Tries the presets of the line's layout: XML when it starts with {@code <}, else CLF and CSV
     * (CLF first when the line has a {@code [}, as the request time's bracket). All candidates are tried with strict
     * value shapes before any is tried with lenient ones, so a line is attributed to the preset
     * it fits best: an HTTP API's {@code "GET $default HTTP/1.1"} is not read as a REST resource
     * path, nor a REST {@code "GET /pets HTTP/1.1"} as an HTTP route key. Values never fall back
     * to fully free matching here: a custom line that merely has the right number of commas must
     * not be taken for a preset. One work budget covers all candidates.
     */
    static final class Detector implements AccessLogParser {
        private static final ValueShape.Level[] LEVELS = {ValueShape.Level.STRICT, ValueShape.Level.LENIENT};

        private final List<SegmentMatcher> xml = new ArrayList<>();
        private final List<SegmentMatcher> clf = new ArrayList<>();
        private final List<SegmentMatcher> csv = new ArrayList<>();
        private final List<SegmentMatcher> clfThenCsv = new ArrayList<>();
        private final List<SegmentMatcher> csvThenClf = new ArrayList<>();
        private final long budget;

        Detector(long budget) {
            this.budget = budget;
            for (Preset p : ALL) {
                List<SegmentMatcher> target = switch (p.layout()) {
                    case XML -> xml;
                    case CLF -> clf;
                    case CSV -> csv;
                    case JSON -> null;
                };
                if (target != null) {
                    target.add(SegmentMatcher.compile(TemplateTokenizer.tokenize(p.template()), true));
                }
            }
            clfThenCsv.addAll(clf);
            clfThenCsv.addAll(csv);
            csvThenClf.addAll(csv);
            csvThenClf.addAll(clf);
        }

        @Override
        public void parse(String line, RawAccessLog out) throws AccessLogParseException {
            if (line == null) {
                throw new AccessLogParseException("no line");
            }
            int i = 0;
            while (i < line.length() && ValueShape.isSpace(line.charAt(i))) {
                i++;
            }
            if (i == line.length()) {
                throw new AccessLogParseException("empty line");
            }
            List<SegmentMatcher> candidates;
            String layout;
            if (line.charAt(i) == '<') {
                candidates = xml;
                layout = "XML";
            } else {
                // a CLF line has the request time in brackets; a CSV value may hold one too
                candidates = line.indexOf('[', i) >= 0 ? clfThenCsv : csvThenClf;
                layout = "CLF or CSV";
            }
            WorkBudget work = new WorkBudget(budget);
            List<SegmentMatcher.Search> searches = new ArrayList<>(candidates.size());
            for (SegmentMatcher m : candidates) {
                searches.add(m.search(line, work));
            }
            try {
                for (ValueShape.Level level : LEVELS) {
                    for (SegmentMatcher.Search search : searches) {
                        if (search.matches(level)) {
                            search.emitTo(out);
                            return;
                        }
                    }
                }
            } catch (WorkBudget.Exhausted e) {
                throw new AccessLogParseException("line matches no console preset " + layout
                        + " format (search budget exhausted); set LOG_FORMAT to the stage's format");
            }
            if (isExecutionLogLine(line, i)) {
                throw new AccessLogParseException("an API Gateway execution log line ('(request id) message'), not an access log:"
                        + " read the stage's access log group, not API-Gateway-Execution-Logs_<api>/<stage>");
            }
            if (isLambdaLogLine(line, i)) {
                throw new AccessLogParseException("a Lambda function's log line (START, END, REPORT or the function's own output),"
                        + " not an access log: read the stage's access log group, not /aws/lambda/<function>");
            }
            throw new AccessLogParseException("line matches no console preset " + layout
                    + " format (REST, HTTP or WebSocket); set LOG_FORMAT to the stage's format");
        }

        private static final String[] LAMBDA_PLATFORM = {"START RequestId: ", "END RequestId: ", "REPORT RequestId: ",
            "INIT_START ", "INIT_REPORT ", "RESTORE_START ", "RESTORE_REPORT "};

        /**
         * A Lambda log group's lines, exported instead of the API's: the platform's {@code START},
         * {@code END} and {@code REPORT} lines, and the runtime's
         * {@code <ISO time>\t<request id>\t<LEVEL>\t<message>} lines. No console preset starts that way.
         */
        static boolean isLambdaLogLine(String line, int from) {
            for (String prefix : LAMBDA_PLATFORM) {
                if (line.startsWith(prefix, from)) {
                    return true;
                }
            }
            int tab = line.indexOf('\t', from);
            if (tab - from < 20 || tab - from > 30 || line.charAt(tab - 1) != 'Z' || line.charAt(from + 4) != '-' || line.charAt(from + 10) != 'T') {
                return false;
            }
            int second = line.indexOf('\t', tab + 1);
            int third = second < 0 ? -1 : line.indexOf('\t', second + 1);
            if (second - tab - 1 != 36 || third < 0) {
                return false;
            }
            String level = line.substring(second + 1, third);
            return level.equals("INFO") || level.equals("WARN") || level.equals("ERROR") || level.equals("DEBUG")
                    || level.equals("TRACE") || level.equals("FATAL");
        }

        /**
         * REST and WebSocket execution logs start each line with the request id in parentheses
         * ({@code (7a1b0c2d-...) Method request path: ...}); no console preset starts that way.
         */
        static boolean isExecutionLogLine(String line, int from) {
            if (from >= line.length() || line.charAt(from) != '(') {
                return false;
            }
            int close = line.indexOf(')', from);
            if (close - from - 1 < 8 || close - from - 1 > 64 || close + 1 >= line.length() || line.charAt(close + 1) != ' ') {
                return false;
            }
            for (int k = from + 1; k < close; k++) {
                char c = line.charAt(k);
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '=' || c == '_' || c == '+' || c == '/')) {
                    return false;
                }
            }
            return true;
        }
    }
}
