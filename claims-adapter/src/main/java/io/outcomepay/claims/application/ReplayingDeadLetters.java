package io.outcomepay.claims.application;

import io.outcomepay.billing.encounter.api.ClaimOutcome;
import io.outcomepay.claims.intake.ClaimFormat;
import io.outcomepay.claims.intake.ClaimItems;
import io.outcomepay.claims.intake.ClaimReader;
import io.outcomepay.claims.intake.DeadLetters;
import io.outcomepay.claims.intake.IngestReport;
import io.outcomepay.claims.intake.IngestingClaims;
import io.outcomepay.claims.intake.Rejection;
import io.outcomepay.claims.intake.RejectionStore;
import io.outcomepay.claims.usage.UsageEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays open dead letters after a fix (a baseline with the missing code published, the original
 * of a correction arrived): each is read again as it was stored and goes through the same intake.
 * A letter that lands is marked replayed with its outcome; one refused again stays open with the
 * new reason. Replaying twice records nothing twice: the intake is idempotent, and replayed letters
 * are not replayed again.
 */
public class ReplayingDeadLetters {

    private final IngestingClaimFile files;
    private final RecordingAiUsage usage;
    private final IngestingClaims ingesting;
    private final DeadLetters deadLetters;
    private final JsonMapper json = JsonMapper.builder().build();

    public ReplayingDeadLetters(IngestingClaimFile files, RecordingAiUsage usage, IngestingClaims ingesting,
                                DeadLetters deadLetters) {
        this.files = files;
        this.usage = usage;
        this.ingesting = ingesting;
        this.deadLetters = deadLetters;
    }

    /** What one replay did to a letter: replayed (landed), refused again, or not replayable. */
    public record Replayed(long id, String source, long line, String result, String detail) {
        @Override
        public String toString() {
            return "#" + id + " " + source + ":" + line + " " + result + (detail == null ? "" : ": " + detail);
        }
    }

    /** Replays the open letters with these ids, or every open letter when ids is empty. */
    public List<Replayed> replay(List<Long> ids) {
        List<DeadLetters.Replayable> open = deadLetters.open(ids);
        if (!ids.isEmpty() && open.size() < ids.size()) {
            List<Long> found = open.stream().map(DeadLetters.Replayable::id).toList();
            List<Long> missing = ids.stream().filter(id -> !found.contains(id)).toList();
            throw new IllegalArgumentException("no open dead letter " + missing + " (replayed letters are not replayed again)");
        }
        List<Replayed> results = new ArrayList<>();
        for (DeadLetters.Replayable letter : open) {
            results.add(replay(letter));
        }
        files.awaitReadModels();
        return results;
    }

    private Replayed replay(DeadLetters.Replayable letter) {
        if (letter.format() == null) {
            return new Replayed(letter.id(), letter.file(), letter.line(), "not replayable",
                    "send the corrected record again in a file");
        }
        Collected refused = new Collected();
        String landed;
        try {
            landed = switch (letter.format()) {
                // The payload is the header (line 1) and the row (line 2): renumbered to the file's line.
                case Rejection.REPLAY_CSV -> outcome(files.replay(ClaimFormat.CSV, letter.file(),
                        new ByteArrayInputStream(letter.payload().getBytes(StandardCharsets.UTF_8)),
                        letter.line() - 2, ingesting.withDeadLetters(refused)));
                case Rejection.REPLAY_CLAIM -> {
                    try (ClaimReader one = new ClaimItems(letter.file(), List.of(ingesting.readPayload(letter.payload())))) {
                        yield outcome(ingesting.withDeadLetters(refused).ingest(one, IngestingClaims.Listener.silent()));
                    }
                }
                case Rejection.REPLAY_USAGE -> usage(letter, refused);
                default -> throw new IllegalStateException("unknown replay format " + letter.format());
            };
        } catch (IllegalArgumentException | JacksonException unreadable) {
            refused.rejections.add(new Rejection(letter.file(), letter.line(), "record", unreadable.getMessage(), ""));
            landed = null;
        }
        if (!refused.rejections.isEmpty()) {
            Rejection again = refused.rejections.get(0);
            String reason = again.field() + ": " + again.reason();
            deadLetters.markRefusedAgain(letter.id(), reason);
            return new Replayed(letter.id(), letter.file(), letter.line(), "refused again", reason);
        }
        deadLetters.markReplayed(letter.id(), landed);
        return new Replayed(letter.id(), letter.file(), letter.line(), "replayed", landed);
    }

    private String usage(DeadLetters.Replayable letter, Collected refused) {
        UsageEvent event = json.readValue(letter.payload(), UsageEvent.class);
        ClaimOutcome outcome = usage.record(new RecordingAiUsage.RecordUsage(event, event.details(), letter.file(),
                letter.line()), refused);
        return outcome.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String outcome(IngestReport report) {
        return report.recorded() > 0 ? "recorded" : report.corrected() > 0 ? "corrected" : report.voided() > 0 ? "voided"
                : report.adjudicated() > 0 ? "remittance recorded" : report.duplicate() > 0 ? "duplicate" : "nothing";
    }

    /** Rejections of a replay, kept on the letter rather than stored as new letters. */
    private static final class Collected implements RejectionStore {
        final List<Rejection> rejections = new ArrayList<>();

        @Override
        public void store(List<Rejection> more) {
            rejections.addAll(more);
        }
    }
}
