package dev.apigwinsights.parse.template;

import dev.apigwinsights.parse.AccessLogParseException;
import dev.apigwinsights.parse.AccessLogParser;
import dev.apigwinsights.parse.RawAccessLog;

/**
 * Parses lines of a non-JSON format (CLF, CSV, XML or any custom layout) with a
 * {@link SegmentMatcher}, trying the strictest value shapes first ({@code emitFirstMatch}).
 */
final class TemplateLineParser implements AccessLogParser {
    private final SegmentMatcher matcher;
    private final long budget;

    TemplateLineParser(SegmentMatcher matcher, long budget) {
        this.matcher = matcher;
        this.budget = budget;
    }

    @Override
    public void parse(String line, RawAccessLog out) throws AccessLogParseException {
        if (line == null) {
            throw new AccessLogParseException("no line");
        }
        WorkBudget work = new WorkBudget(budget);
        SegmentMatcher.Search search = matcher.search(line, work);
        try {
            if (search.emitFirstMatch(out)) {
                return;
            }
        } catch (WorkBudget.Exhausted e) {
            throw new AccessLogParseException(LogFormat.NO_MATCH + " (search budget exhausted)");
        } finally {
            out.addWork(work.spentInBatchUnits());
        }
        throw new AccessLogParseException(LogFormat.NO_MATCH);
    }
}
