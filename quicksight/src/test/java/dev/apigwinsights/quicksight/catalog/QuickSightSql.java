package dev.apigwinsights.quicksight.catalog;

import dev.apigwinsights.quicksight.CalculatedField;
import dev.apigwinsights.quicksight.DataSetColumns;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test's reading of the QuickSight calculations the generator writes, as DuckDB SQL, following
 * QuickSight's documentation of each function: {@code ifelse} (first true condition, else the last
 * argument), {@code coalesce}, {@code isNull}/{@code isNotNull}, {@code extract('WD')} (1 =
 * Sunday), {@code extract('HH')}, {@code toString}, the conditional aggregations
 * ({@code countIf(x, c)} counts non-null x of rows where c is true, ...), {@code count}, and the
 * operators. Fields are the data set's columns, its computed columns and the definition's
 * calculated fields (expanded). It reads only the subset the generator writes, and fails on
 * anything else, so a new construct must be added here, with its documented meaning, before a test
 * can pass.
 */
final class QuickSightSql {

    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(\\{[^}]+})|('[^']*')|(\\d+(?:\\.\\d+)?)|([A-Za-z_][A-Za-z_0-9]*)|(<>|<=|>=|[=<>+\\-*/(),]))");

    private final DataSetColumns columns;
    private final Map<String, CalculatedField> calculated;

    QuickSightSql(DataSetColumns columns, List<CalculatedField> calculatedFields) {
        this.columns = columns;
        this.calculated = new java.util.HashMap<>();
        calculatedFields.forEach(f -> calculated.put(f.name(), f));
    }

    /** The SQL of a field: a table column, or the expansion of a computed column or calculated field. */
    String field(String name) {
        CalculatedField field = calculated.get(name);
        if (field != null) {
            return "(" + translate(field.expression()) + ")";
        }
        if (columns.computedColumns().stream().anyMatch(c -> c.name().equals(name))) {
            return "(" + translate(columns.expression(name)) + ")";
        }
        columns.require(name);
        return "\"" + name + "\"";
    }

    String translate(String expression) {
        Parser parser = new Parser(tokens(expression));
        String sql = parser.or();
        if (parser.position != parser.tokens.size()) {
            throw new IllegalArgumentException("cannot read '" + expression + "' past token " + parser.position);
        }
        return sql;
    }

    private static List<String> tokens(String expression) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(expression);
        int at = 0;
        while (at < expression.length()) {
            if (!m.find(at) || m.start() != at) {
                if (expression.substring(at).isBlank()) {
                    break;
                }
                throw new IllegalArgumentException("unexpected text at " + at + " in " + expression);
            }
            for (int g = 1; g <= 5; g++) {
                if (m.group(g) != null) {
                    out.add(m.group(g));
                }
            }
            at = m.end();
        }
        return out;
    }

    private final class Parser {
        final List<String> tokens;
        int position;

        Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        String peek() {
            return position < tokens.size() ? tokens.get(position) : "";
        }

        String next() {
            return tokens.get(position++);
        }

        void expect(String token) {
            if (!next().equals(token)) {
                throw new IllegalArgumentException("expected " + token + " at " + (position - 1) + " in " + tokens);
            }
        }

        String or() {
            String left = and();
            while (peek().equalsIgnoreCase("OR")) {
                next();
                left = "(" + left + " OR " + and() + ")";
            }
            return left;
        }

        String and() {
            String left = not();
            while (peek().equalsIgnoreCase("AND")) {
                next();
                left = "(" + left + " AND " + not() + ")";
            }
            return left;
        }

        String not() {
            if (peek().equalsIgnoreCase("NOT")) {
                next();
                return "(NOT " + not() + ")";
            }
            return comparison();
        }

        String comparison() {
            String left = additive();
            String op = peek();
            if (List.of("=", "<>", "<", "<=", ">", ">=").contains(op)) {
                next();
                return "(" + left + " " + op + " " + additive() + ")";
            }
            return left;
        }

        String additive() {
            String left = multiplicative();
            while (peek().equals("+") || peek().equals("-")) {
                String op = next();
                left = "(" + left + " " + op + " " + multiplicative() + ")";
            }
            return left;
        }

        String multiplicative() {
            String left = primary();
            while (peek().equals("*") || peek().equals("/")) {
                String op = next();
                // QuickSight divides as decimals.
                left = op.equals("/") ? "(CAST(" + left + " AS DOUBLE) / " + primary() + ")" : "(" + left + " * " + primary() + ")";
            }
            return left;
        }

        String primary() {
            String token = next();
            if (token.equals("(")) {
                String inner = or();
                expect(")");
                return "(" + inner + ")";
            }
            if (token.startsWith("{")) {
                return field(token.substring(1, token.length() - 1));
            }
            if (token.startsWith("'") || Character.isDigit(token.charAt(0))) {
                return token;
            }
            if (token.equalsIgnoreCase("NULL")) {
                return "NULL";
            }
            if (!peek().equals("(")) {
                throw new IllegalArgumentException("unknown name " + token);
            }
            next();
            List<String> args = new ArrayList<>();
            if (!peek().equals(")")) {
                args.add(or());
                while (peek().equals(",")) {
                    next();
                    args.add(or());
                }
            }
            expect(")");
            return call(token, args);
        }

        String call(String function, List<String> a) {
            switch (function) {
                case "ifelse": {
                    StringBuilder sql = new StringBuilder("CASE");
                    for (int i = 0; i + 1 < a.size(); i += 2) {
                        sql.append(" WHEN ").append(a.get(i)).append(" THEN ").append(a.get(i + 1));
                    }
                    return sql.append(" ELSE ").append(a.get(a.size() - 1)).append(" END").toString();
                }
                case "coalesce":
                case "concat":
                    return function + "(" + String.join(", ", a) + ")";
                case "isNull":
                    return "(" + a.get(0) + " IS NULL)";
                case "isNotNull":
                    return "(" + a.get(0) + " IS NOT NULL)";
                case "toString":
                    return "CAST(" + a.get(0) + " AS VARCHAR)";
                case "parseDate":
                    return "CAST(strptime(" + a.get(0) + ", '%Y-%m-%d') AS DATE)";
                case "extract":
                    if (a.get(0).equals("'HH'")) {
                        return "hour(" + a.get(1) + ")";
                    }
                    if (a.get(0).equals("'WD'")) {
                        return "(dayofweek(" + a.get(1) + ") + 1)"; // DuckDB: 0 = Sunday; QuickSight: 1 = Sunday
                    }
                    break;
                case "count":
                    return "count(" + a.get(0) + ")";
                case "countIf":
                    return "count(" + a.get(0) + ") FILTER (WHERE " + a.get(1) + ")";
                case "distinct_countIf":
                    return "count(DISTINCT " + a.get(0) + ") FILTER (WHERE " + a.get(1) + ")";
                case "sumIf":
                case "avgIf":
                case "minIf":
                case "maxIf":
                    return function.substring(0, 3) + "(" + a.get(0) + ") FILTER (WHERE " + a.get(1) + ")";
                default:
                    break;
            }
            StringJoiner args = new StringJoiner(", ");
            a.forEach(args::add);
            throw new IllegalArgumentException("no reading of " + function + "(" + args + ")");
        }
    }
}
