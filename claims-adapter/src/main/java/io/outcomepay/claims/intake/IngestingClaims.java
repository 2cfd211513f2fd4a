package io.outcomepay.claims.intake;

import io.outcomepay.billing.encounter.RecordingEncounters;
import io.outcomepay.billing.encounter.api.ClaimOutcome;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Lands a stream of claims as encounter events, a batch of records per database transaction
 * (not one transaction per claim). Runs of original claims are decided and appended together by
 * {@link RecordingEncounters}; corrections and voids go through the Encounter aggregate one by
 * one, in file order. Rejections of the batch go to the dead-letter store in the same
 * transaction, so a record is either landed or dead-lettered, never lost. Re-sending a file
 * records nothing new.
 */
public class IngestingClaims {

    private final CommandGateway commands;
    private final RecordingEncounters recording;
    private final TransactionTemplate transactions;
    private final RejectionStore deadLetters;
    private final ClaimPayloads payloads;
    private final int batchSize;

    public IngestingClaims(CommandGateway commands, RecordingEncounters recording, TransactionTemplate transactions,
                           RejectionStore deadLetters, ClaimPayloads payloads, int batchSize) {
        this.commands = commands;
        this.recording = recording;
        this.transactions = transactions;
        this.deadLetters = deadLetters;
        this.payloads = payloads;
        this.batchSize = batchSize;
    }

    /** The same intake with rejections going elsewhere (a replay keeps them on the letter it replays). */
    public IngestingClaims withDeadLetters(RejectionStore elsewhere) {
        return new IngestingClaims(commands, recording, transactions, elsewhere, payloads, batchSize);
    }

    /** Reads a claim payload of a dead letter back. */
    public NormalizedClaim readPayload(String payload) {
        return payloads.read(payload);
    }

    public IngestReport ingest(ClaimReader reader, Listener listener) {
        Map<ClaimOutcome, Long> outcomes = new EnumMap<>(ClaimOutcome.class);
        long read = 0;
        long invalid = 0;
        List<IntakeItem> batch = new ArrayList<>(batchSize);
        boolean more = true;
        while (more) {
            try {
                more = reader.hasNext();
                if (more) {
                    batch.add(reader.next());
                    read++;
                }
            } catch (RuntimeException unreadable) {
                // What was read before the damage still lands; the error names file and line.
                land(batch, outcomes, listener);
                throw unreadable;
            }
            if (batch.size() == batchSize || (!more && !batch.isEmpty())) {
                invalid += batch.stream().filter(Rejection.class::isInstance).count();
                land(batch, outcomes, listener);
                listener.progress(read, reader.bytesRead(), reader.totalBytes());
            }
        }
        long rejectedByOutcome = outcomes.entrySet().stream().filter(e -> !e.getKey().appended()
                && e.getKey() != ClaimOutcome.DUPLICATE).mapToLong(Map.Entry::getValue).sum();
        return new IngestReport(reader.sourceName(), read, count(outcomes, ClaimOutcome.RECORDED),
                count(outcomes, ClaimOutcome.DUPLICATE), count(outcomes, ClaimOutcome.CORRECTED),
                count(outcomes, ClaimOutcome.VOIDED), invalid + rejectedByOutcome, count(outcomes, ClaimOutcome.CONFLICT),
                count(outcomes, ClaimOutcome.ADJUDICATED));
    }

    private void land(List<IntakeItem> batch, Map<ClaimOutcome, Long> outcomes, Listener listener) {
        Map<ClaimOutcome, Long> batchOutcomes = new EnumMap<>(ClaimOutcome.class);
        List<Rejection> rejected = transactions.execute(status -> {
            batchOutcomes.clear();
            List<Rejection> rejections = new ArrayList<>();
            List<NormalizedClaim.Original> originals = new ArrayList<>();
            for (IntakeItem item : batch) {
                if (item instanceof Rejection r) {
                    rejections.add(r);
                } else if (item instanceof NormalizedClaim.Original original) {
                    originals.add(original);
                } else if (item instanceof NormalizedClaim claim) {
                    // Corrections and voids see every original before them in the file.
                    recordOriginals(originals, batchOutcomes, rejections);
                    ClaimOutcome outcome = commands.sendAndWait(claim.command());
                    count(claim, outcome, batchOutcomes, rejections);
                }
            }
            recordOriginals(originals, batchOutcomes, rejections);
            deadLetters.store(rejections);
            return rejections;
        });
        batchOutcomes.forEach((k, v) -> outcomes.merge(k, v, Long::sum));
        rejected.forEach(listener::rejected);
        batch.clear();
    }

    private void recordOriginals(List<NormalizedClaim.Original> originals, Map<ClaimOutcome, Long> outcomes,
                                 List<Rejection> rejections) {
        if (originals.isEmpty()) {
            return;
        }
        List<ClaimOutcome> recorded = recording.record(originals.stream().map(NormalizedClaim.Original::command).toList());
        for (int i = 0; i < originals.size(); i++) {
            count(originals.get(i), recorded.get(i), outcomes, rejections);
        }
        originals.clear();
    }

    private void count(NormalizedClaim claim, ClaimOutcome outcome, Map<ClaimOutcome, Long> outcomes,
                       List<Rejection> rejections) {
        outcomes.merge(outcome, 1L, Long::sum);
        Rejection refused = refusal(claim, outcome);
        if (refused != null) {
            rejections.add(refused);
        }
    }

    private Rejection refusal(NormalizedClaim claim, ClaimOutcome outcome) {
        return switch (outcome) {
            case RECORDED, CORRECTED, VOIDED, ADJUDICATED, DUPLICATE -> null;
            case CONFLICT -> refused(claim, "claim_id", claim.conflict());
            case ORIGINAL_NOT_FOUND -> claim instanceof NormalizedClaim.Remitted remitted
                    ? refused(claim, "CLP01", "no encounter was recorded for claim " + remitted.claimId()
                    + " of " + remitted.hospitalId())
                    : refused(claim, "original_claim_id",
                    "no encounter was recorded for original claim " + claim.originalClaimId());
            case ALREADY_VOIDED -> refused(claim, "original_claim_id",
                    "the encounter of original claim " + claim.originalClaimId() + " is already voided");
        };
    }

    /** The stored record is the normalized claim, which holds only the patient's pseudonym. */
    private Rejection refused(NormalizedClaim claim, String field, String reason) {
        return new Rejection(claim.source().file(), claim.source().record(), field, reason, claim.toString(),
                Rejection.REPLAY_CLAIM, payloads.write(claim));
    }

    private static long count(Map<ClaimOutcome, Long> outcomes, ClaimOutcome outcome) {
        return outcomes.getOrDefault(outcome, 0L);
    }

    /** Hears about rejections as they happen and about progress after each batch. */
    public interface Listener {
        void rejected(Rejection rejection);

        void progress(long records, long bytesRead, long totalBytes);

        /** Hears nothing: the rejections are in the dead-letter store and the counts in the report. */
        static Listener silent() {
            return new Listener() {
                @Override
                public void rejected(Rejection rejection) {
                }

                @Override
                public void progress(long records, long bytesRead, long totalBytes) {
                }
            };
        }
    }
}
