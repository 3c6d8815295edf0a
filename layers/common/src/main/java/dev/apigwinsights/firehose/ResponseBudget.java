package dev.apigwinsights.firehose;

import java.io.IOException;
import java.util.List;

/**
 * The response size limit, and the one place that knows what each result costs: exactly the bytes
 * {@link ResponseWriter} writes for it (the id as sent, the base64 length of the data, the fixed
 * JSON around them), so nothing is reserved that is not written and nothing written that was not
 * costed.
 *
 * <p>Before a record is transformed, room is kept to answer every later record with a failure:
 * echoing its data when all echoes fit in the limit together (then every failure is echoed,
 * so Firehose's processing-failed output holds it for replay), else with empty data (and an echo
 * only where it still fits). A record may take the rest for its {@code Ok} output; output that
 * would not fit fails the record alone ({@code response size budget exceeded}), and the transformer
 * stops reading the record as soon as that is certain.
 */
final class ResponseBudget {
    /** Lambda's synchronous response limit is 6 MB (6,291,456 bytes); stay safely under it. */
    static final long DEFAULT_LIMIT = 6_000_000L;

    private static final long FRAME = ResponseWriter.OPEN.length + ResponseWriter.CLOSE.length;
    private static final long OK_FIXED = ResponseWriter.RECORD_ID.length + ResponseWriter.OK.length
            + ResponseWriter.YEAR.length + ResponseWriter.YEAR_DIGITS + ResponseWriter.MONTH.length
            + ResponseWriter.MONTH_DIGITS + ResponseWriter.DAY.length + ResponseWriter.DAY_DIGITS
            + ResponseWriter.OK_END.length;
    private static final long DROPPED_FIXED = ResponseWriter.RECORD_ID.length + ResponseWriter.DROPPED.length;
    private static final long FAILED_FIXED = ResponseWriter.RECORD_ID.length + ResponseWriter.FAILED.length
            + ResponseWriter.FAILED_END.length;
    private static final int EMPTY_DATA = 2;

    private final long limit;
    private final boolean echoEveryFailure;
    /** Bytes of the results written so far, with the frame. */
    private long committed = FRAME;
    /** Bytes owed to the records not answered yet (their failure, with separator). */
    private long reserve;
    private int answered;

    private ResponseBudget(long limit, boolean echoEveryFailure, long reserve) {
        this.limit = limit;
        this.echoEveryFailure = echoEveryFailure;
        this.reserve = reserve;
    }

    /**
     * Plans the response for {@code records}.
     *
     * @throws IOException when even failing every record with empty data would exceed the limit (a
     *         request no Firehose stream sends: tens of thousands of records with tiny data); the
     *         invocation fails, and Firehose retries it, then keeps the batch in its error output
     */
    static ResponseBudget plan(List<InputRecord> records, long limit) throws IOException {
        long echoed = 0;
        long empty = 0;
        for (int i = 0; i < records.size(); i++) {
            InputRecord r = records.get(i);
            long separator = i == 0 ? 0 : ResponseWriter.SEPARATOR;
            echoed += separator + failedCost(r, r.echoUpperBound());
            empty += separator + failedCost(r, EMPTY_DATA);
        }
        if (FRAME + empty > limit) {
            throw new IOException("the response for " + records.size() + " records cannot fit in " + limit
                    + " bytes even with every record failed; not a batch Firehose sends");
        }
        boolean echoAll = FRAME + echoed <= limit;
        return new ResponseBudget(limit, echoAll, echoAll ? echoed : empty);
    }

    /** Starts the next record: its own reservation is released; its result is decided now. */
    void open(InputRecord r) {
        reserve -= separator() + owed(r);
    }

    /** The most output bytes an {@code Ok} result for {@code r} may carry now; negative when none fits. */
    long maxOkData(InputRecord r) {
        long room = limit - committed - reserve - separator() - OK_FIXED - r.idLength();
        return room < 0 ? -1 : room / 4 * 3;
    }

    /** Whether a failure of {@code r} can echo its data now. */
    boolean canEcho(InputRecord r) {
        return committed + reserve + separator() + failedCost(r, r.echoLength()) <= limit;
    }

    void answeredOk(InputRecord r, int dataBytes) {
        commit(okCost(r, dataBytes));
    }

    void answeredDropped(InputRecord r) {
        commit(DROPPED_FIXED + r.idLength());
    }

    void answeredFailed(InputRecord r, boolean echoed) {
        commit(failedCost(r, echoed ? r.echoLength() : EMPTY_DATA));
    }

    /** What the response will be, in bytes, once every record is answered as committed. */
    long committed() {
        return committed;
    }

    private void commit(long cost) {
        committed += separator() + cost;
        answered++;
    }

    private long owed(InputRecord r) {
        return failedCost(r, echoEveryFailure ? r.echoUpperBound() : EMPTY_DATA);
    }

    private long separator() {
        return answered == 0 ? 0 : ResponseWriter.SEPARATOR;
    }

    static long okCost(InputRecord r, long dataBytes) {
        return OK_FIXED + r.idLength() + base64Length(dataBytes);
    }

    private static long failedCost(InputRecord r, int dataJsonBytes) {
        return FAILED_FIXED + r.idLength() + dataJsonBytes;
    }

    /** Padded base64: 4 characters per started group of 3 bytes. */
    static long base64Length(long bytes) {
        return (bytes + 2) / 3 * 4;
    }
}
