package dev.apigwinsights.parse.template;

import dev.apigwinsights.parse.RawAccessLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches lines against a sequence {@code literal? (variable literal)* variable literal?}.
 *
 * <p>API Gateway does not escape anything inside values, so a delimiter can occur inside a value
 * (a space in a user agent, a comma in an error message, a quote anywhere). The matcher therefore
 * searches: each variable first takes the shortest value that lets the rest of the line match,
 * and on failure the next longer one. Value {@link ValueShape shapes} prune the search and pick
 * the right split when literals alone do not decide. Failed (variable, position) pairs are
 * remembered, and a {@link WorkBudget} caps the total work, so a long adversarial line fails
 * fast instead of going exponential.
 *
 * <p>Immutable and thread-safe; per-line state lives in a {@link Search}.
 */
final class SegmentMatcher {
    private final String prefix;
    private final TemplateVariable[] vars;
    private final ValueShape[] shapes;
    /** The literal after each variable; only the last may be empty (the variable ends the line). */
    private final String[] after;
    /** Index of {@code after[i]} among the distinct literals, so equal literals share one index. */
    private final int[] literalId;
    private final int distinctLiterals;
    private final boolean trim;

    private SegmentMatcher(String prefix, List<TemplateVariable> vars, List<String> after, boolean trim) {
        this.prefix = prefix;
        this.vars = vars.toArray(new TemplateVariable[0]);
        this.after = after.toArray(new String[0]);
        this.trim = trim;
        this.shapes = new ValueShape[this.vars.length];
        this.literalId = new int[this.vars.length];
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (int i = 0; i < this.vars.length; i++) {
            shapes[i] = ValueShape.of(this.vars[i]);
            literalId[i] = this.after[i].isEmpty() ? -1 : ids.computeIfAbsent(this.after[i], k -> ids.size());
        }
        this.distinctLiterals = ids.size();
    }

    /**
     * @param trim whether lines are matched without their leading and trailing whitespace (and
     *             the template without its own), which is how whole lines are matched
     * @throws IllegalArgumentException when there is no variable, or two variables follow each
     *         other with nothing between them (no principled way to split their values)
     */
    static SegmentMatcher compile(List<Segment> segments, boolean trim) {
        List<Segment> segs = new ArrayList<>(segments);
        if (trim) {
            trimEdges(segs);
        }
        String prefix = "";
        List<TemplateVariable> vars = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (Segment seg : segs) {
            if (seg instanceof Segment.Literal lit) {
                if (vars.isEmpty()) {
                    prefix = lit.text();
                } else {
                    after.set(after.size() - 1, lit.text());
                }
            } else {
                TemplateVariable v = (TemplateVariable) seg;
                if (!vars.isEmpty() && after.get(after.size() - 1).isEmpty()) {
                    TemplateVariable previous = vars.get(vars.size() - 1);
                    throw new IllegalArgumentException(previous.template() + " is directly followed by "
                            + v.template() + " at offset " + v.offset() + ": with nothing between them"
                            + " the boundary between their values is ambiguous; put a delimiter between them");
                }
                vars.add(v);
                after.add("");
            }
        }
        if (vars.isEmpty()) {
            throw new IllegalArgumentException("the format contains no $context variables");
        }
        return new SegmentMatcher(prefix, vars, after, trim);
    }

    private static void trimEdges(List<Segment> segs) {
        if (!segs.isEmpty() && segs.get(0) instanceof Segment.Literal first) {
            String t = first.text().stripLeading();
            if (t.isEmpty()) {
                segs.remove(0);
            } else {
                segs.set(0, new Segment.Literal(t));
            }
        }
        int last = segs.size() - 1;
        if (last >= 0 && segs.get(last) instanceof Segment.Literal lit) {
            String t = lit.text().stripTrailing();
            if (t.isEmpty()) {
                segs.remove(last);
            } else {
                segs.set(last, new Segment.Literal(t));
            }
        }
    }

    int variableCount() {
        return vars.length;
    }

    TemplateVariable variable(int i) {
        return vars[i];
    }

    /** Starts matching {@code line}; the search spends from {@code budget}. */
    Search search(String line, WorkBudget budget) {
        return new Search(line, budget);
    }

    /** The matching state for one line. Not thread-safe; cheap to create. */
    final class Search {
        private final String s;
        private final int lo;
        private final int hi;
        private final WorkBudget budget;
        private final int[] start = new int[vars.length];
        private final int[] end = new int[vars.length];
        private final int[] limit = new int[vars.length];
        private final int[] next = new int[vars.length];
        private final Occurrences[] occurrences = new Occurrences[distinctLiterals];
        private LongSet failed;
        private Boolean literalsInOrder;

        private Search(String line, WorkBudget budget) {
            this.s = line;
            this.budget = budget;
            int a = 0;
            int b = line.length();
            if (trim) {
                while (a < b && ValueShape.isSpace(line.charAt(a))) {
                    a++;
                }
                while (b > a && ValueShape.isSpace(line.charAt(b - 1))) {
                    b--;
                }
            }
            this.lo = a;
            this.hi = b;
        }

        /**
         * Tries every level, strictest first, and emits the values of the first match into
         * {@code out}. Returns false, emitting nothing, when no level matches.
         */
        boolean emitFirstMatch(RawAccessLog out) throws WorkBudget.Exhausted {
            for (ValueShape.Level level : ValueShape.Level.values()) {
                if (matches(level)) {
                    emitTo(out);
                    return true;
                }
            }
            return false;
        }

        /**
         * Tries to match the whole line with shapes applied at {@code level}. On success the
         * values are available from {@link #value(int)}.
         */
        boolean matches(ValueShape.Level level) throws WorkBudget.Exhausted {
            budget.spend();
            int first = lo + prefix.length();
            if (first > hi || !s.startsWith(prefix, lo)) {
                return false;
            }
            String last = after[vars.length - 1];
            if (hi - last.length() < first || !s.startsWith(last, hi - last.length())) {
                return false;
            }
            if (literalsInOrder == null) {
                literalsInOrder = literalsInOrder(first);
            }
            if (!literalsInOrder) {
                return false;
            }
            failed = new LongSet();
            return searchFrom(first, level);
        }

        /** A necessary condition, checked once: every literal occurs, in template order. */
        private boolean literalsInOrder(int pos) throws WorkBudget.Exhausted {
            for (int i = 0; i < vars.length - 1; i++) {
                Occurrences o = occurrences(i);
                int idx = o.firstAtOrAfter(pos);
                if (idx < 0) {
                    return false;
                }
                pos = o.position(idx) + after[i].length();
            }
            return pos <= hi - after[vars.length - 1].length();
        }

        /**
         * Depth-first search over the variables, iterative so that a format with thousands of
         * variables cannot overflow the stack. Variable {@code i}'s value starts at
         * {@code start[i]}; its candidates are the occurrences of the literal after it, shortest
         * value first. A (variable, start) pair whose candidates all failed is remembered.
         */
        private boolean searchFrom(int first, ValueShape.Level level) throws WorkBudget.Exhausted {
            int last = vars.length - 1;
            int i = 0;
            int pos = first;
            while (true) {
                int nextPos = -1;
                if (!failed.contains(key(i, pos))) {
                    start[i] = pos;
                    ValueShape shape = shapes[i].at(level);
                    limit[i] = shape.limit(s, pos, hi);
                    budget.spendScan(shape == ValueShape.ANY ? 0 : limit[i] - pos);
                    if (i == last) {
                        // The last literal (checked in matches) ends the line: the value's end is fixed.
                        int e = hi - after[i].length();
                        if (e >= pos && e <= limit[i] && shape.accepts(s, pos, e)) {
                            end[i] = e;
                            return true;
                        }
                        failed.add(key(i, pos));
                    } else {
                        next[i] = occurrences(i).firstAtOrAfter(pos);
                        nextPos = nextCandidate(i, shape);
                        if (nextPos < 0) {
                            failed.add(key(i, pos));
                        }
                    }
                }
                while (nextPos < 0) {
                    if (--i < 0) {
                        return false;
                    }
                    nextPos = nextCandidate(i, shapes[i].at(level));
                    if (nextPos < 0) {
                        failed.add(key(i, start[i]));
                    }
                }
                i++;
                pos = nextPos;
            }
        }

        /**
         * Moves variable {@code i} to its next acceptable end; returns where the next variable
         * starts, or -1 when it has no more candidates.
         */
        private int nextCandidate(int i, ValueShape shape) throws WorkBudget.Exhausted {
            int idx = next[i];
            if (idx < 0) {
                return -1;
            }
            Occurrences o = occurrences(i);
            while (true) {
                int e = o.position(idx);
                if (e < 0 || e > limit[i]) {
                    next[i] = -1;
                    return -1;
                }
                idx++;
                budget.spend();
                if (shape.accepts(s, start[i], e)) {
                    next[i] = idx;
                    end[i] = e;
                    return e + after[i].length();
                }
            }
        }

        private static long key(int variable, int pos) {
            return ((long) variable << 32) | pos;
        }

        private Occurrences occurrences(int varIndex) {
            int id = literalId[varIndex];
            Occurrences o = occurrences[id];
            if (o == null) {
                o = new Occurrences(after[varIndex]);
                occurrences[id] = o;
            }
            return o;
        }

        /**
         * Writes the values of a successful {@link #matches} to {@code out}: known variables by
         * variable (secrets are dropped there), others to {@code extra} under their path.
         */
        void emitTo(RawAccessLog out) {
            for (int i = 0; i < vars.length; i++) {
                TemplateVariable v = vars[i];
                String value = value(i);
                if (v.variable() != null) {
                    out.put(v.variable(), value);
                } else {
                    out.putExtra(v.path(), value);
                }
            }
        }

        /** The value of variable {@code i} after a successful {@link #matches}. */
        String value(int i) {
            return s.substring(start[i], end[i]);
        }

        /**
         * The positions where one literal occurs inside the line, found lazily and in order, so
         * each part of the line is scanned once per literal however often the search backtracks.
         */
        private final class Occurrences {
            private final String literal;
            private int[] at = new int[8];
            private int size;
            private int scanFrom = lo;
            private boolean complete;

            Occurrences(String literal) {
                this.literal = literal;
            }

            /** Index of the first occurrence at or after {@code p}, or -1. */
            int firstAtOrAfter(int p) throws WorkBudget.Exhausted {
                if (size > 0 && at[size - 1] >= p) {
                    int a = 0;
                    int b = size - 1;
                    while (a < b) {
                        int mid = (a + b) >>> 1;
                        if (at[mid] >= p) {
                            b = mid;
                        } else {
                            a = mid + 1;
                        }
                    }
                    return a;
                }
                while (findNext()) {
                    if (at[size - 1] >= p) {
                        return size - 1;
                    }
                }
                return -1;
            }

            /** The position of occurrence {@code idx}, or -1 when there are fewer. */
            int position(int idx) throws WorkBudget.Exhausted {
                while (idx >= size) {
                    if (!findNext()) {
                        return -1;
                    }
                }
                return at[idx];
            }

            private boolean findNext() throws WorkBudget.Exhausted {
                if (complete) {
                    return false;
                }
                int k = s.indexOf(literal, scanFrom);
                if (k < 0 || k + literal.length() > hi) {
                    complete = true;
                    return false;
                }
                budget.spend();
                if (size == at.length) {
                    at = java.util.Arrays.copyOf(at, size * 2);
                }
                at[size++] = k;
                scanFrom = k + 1;
                return true;
            }
        }
    }
}
