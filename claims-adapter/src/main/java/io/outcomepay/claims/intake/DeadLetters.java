package io.outcomepay.claims.intake;

import java.util.List;

/** Where rejected records go with their reason. Storing the same rejection twice keeps one. */
public interface DeadLetters extends RejectionStore {

    /** Open and replayed letters, of one source or all (null), in source and position order. */
    List<DeadLetter> list(String sourceName, String status, int limit);

    default List<DeadLetter> list(String sourceName, int limit) {
        return list(sourceName, null, limit);
    }

    /** The open letters with these ids (all open ones when ids is empty), with what replays them. */
    List<Replayable> open(List<Long> ids);

    void markReplayed(long id, String outcome);

    void markRefusedAgain(long id, String reason);

    /** An open letter and its replay payload (format null when it cannot be replayed). */
    record Replayable(long id, String file, long line, String format, String payload) {
    }
}
