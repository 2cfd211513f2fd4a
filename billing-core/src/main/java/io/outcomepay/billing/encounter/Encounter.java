package io.outcomepay.billing.encounter;

import io.outcomepay.billing.encounter.api.ClaimOutcome;
import io.outcomepay.billing.encounter.api.EncounterCommands.CorrectClaim;
import io.outcomepay.billing.encounter.api.ClaimDetails;
import io.outcomepay.billing.limits.Limit;
import io.outcomepay.billing.limits.Limits;
import io.outcomepay.billing.encounter.api.EncounterCommands.RecordEncounter;
import io.outcomepay.billing.encounter.api.EncounterCommands.RecordRemittance;
import io.outcomepay.billing.encounter.api.EncounterCommands.RecordSettlement;
import io.outcomepay.billing.encounter.api.EncounterCommands.VoidClaim;
import io.outcomepay.billing.encounter.api.EncounterEvent.ClaimAdjudicated;
import io.outcomepay.billing.encounter.api.EncounterEvent.ClaimCorrected;
import io.outcomepay.billing.encounter.api.EncounterEvent.ClaimVoided;
import io.outcomepay.billing.encounter.api.EncounterEvent.EncounterRecorded;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One AI-assisted (or not) encounter, keyed by the hospital and its original claim id. Claims are
 * idempotent: the same claim twice is a duplicate, the same claim id with other content a conflict.
 * Outcomes are returned rather than thrown, so a batch of claims shares one transaction safely.
 */
@Aggregate
public class Encounter {

    @AggregateIdentifier
    private String encounterId;
    private String hospitalId;
    private String originalClaimId;
    private String originalSha256;
    private final Map<String, String> replacementSha256ByClaimId = new HashMap<>();
    private final Set<String> voidClaimIds = new HashSet<>();
    private String voidedBy;
    private final Set<String> remittanceSha256 = new HashSet<>();

    protected Encounter() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ClaimOutcome handle(RecordEncounter command) {
        ClaimOutcome outcome = outcomeOfRecording(originalSha256, command);
        if (outcome == ClaimOutcome.RECORDED) {
            apply(recorded(command));
        }
        return outcome;
    }

    /**
     * The rule for an original claim, which depends only on the content hash of the encounter's
     * original claim (null when none was recorded), so that batches can apply it without loading
     * whole encounters (see {@link RecordingEncounters}).
     */
    static ClaimOutcome outcomeOfRecording(String recordedOriginalSha256, RecordEncounter command) {
        Limits.claim(command.claim());
        if (recordedOriginalSha256 == null) {
            return ClaimOutcome.RECORDED;
        }
        return command.claim().contentSha256().equals(recordedOriginalSha256) ? ClaimOutcome.DUPLICATE
                : ClaimOutcome.CONFLICT;
    }

    static EncounterRecorded recorded(RecordEncounter command) {
        return new EncounterRecorded(command.encounterId(), command.claim(), command.source());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ClaimOutcome handle(CorrectClaim command) {
        Limits.claim(command.replacement());
        Limit.CLAIM_ID.require("original_claim_id", command.originalClaimId());
        if (encounterId == null) {
            return ClaimOutcome.ORIGINAL_NOT_FOUND;
        }
        String known = replacementSha256ByClaimId.get(command.replacement().claimId());
        if (known != null) {
            return known.equals(command.replacement().contentSha256()) ? ClaimOutcome.DUPLICATE : ClaimOutcome.CONFLICT;
        }
        if (voidedBy != null) {
            return ClaimOutcome.ALREADY_VOIDED;
        }
        apply(new ClaimCorrected(encounterId, command.originalClaimId(), command.replacement(), command.source()));
        return ClaimOutcome.CORRECTED;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ClaimOutcome handle(RecordSettlement command) {
        ClaimDetails claim = command.claim();
        Limits.claim(claim);
        if (encounterId == null) {
            apply(new EncounterRecorded(command.encounterId(), claim, command.source()));
            return ClaimOutcome.RECORDED;
        }
        String known = claim.claimId().equals(originalClaimId) ? originalSha256
                : replacementSha256ByClaimId.get(claim.claimId());
        if (known != null) {
            return known.equals(claim.contentSha256()) ? ClaimOutcome.DUPLICATE : ClaimOutcome.CONFLICT;
        }
        if (voidedBy != null) {
            return ClaimOutcome.ALREADY_VOIDED;
        }
        apply(new ClaimCorrected(encounterId, originalClaimId, claim, command.source()));
        return ClaimOutcome.CORRECTED;
    }

    /** A remittance for an encounter never recorded is refused: the 835 names a claim we do not know. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ClaimOutcome handle(RecordRemittance command) {
        Limits.remittance(command.remittance());
        Limit.CLAIM_ID.require("CLP01", command.claimId());
        if (encounterId == null) {
            return ClaimOutcome.ORIGINAL_NOT_FOUND;
        }
        if (remittanceSha256.contains(command.remittance().contentSha256())) {
            return ClaimOutcome.DUPLICATE;
        }
        apply(new ClaimAdjudicated(encounterId, hospitalId, command.claimId(), command.remittance(), command.source()));
        return ClaimOutcome.ADJUDICATED;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ClaimOutcome handle(VoidClaim command) {
        Limit.CLAIM_ID.require("claim_id", command.voidClaimId());
        Limit.CLAIM_ID.require("original_claim_id", command.originalClaimId());
        if (encounterId == null) {
            return ClaimOutcome.ORIGINAL_NOT_FOUND;
        }
        if (voidClaimIds.contains(command.voidClaimId())) {
            return ClaimOutcome.DUPLICATE;
        }
        if (voidedBy != null) {
            return ClaimOutcome.ALREADY_VOIDED;
        }
        apply(new ClaimVoided(encounterId, hospitalId, command.originalClaimId(), command.voidClaimId(), command.source()));
        return ClaimOutcome.VOIDED;
    }

    @EventSourcingHandler
    void on(EncounterRecorded event) {
        encounterId = event.encounterId();
        hospitalId = event.claim().hospitalId();
        originalClaimId = event.claim().claimId();
        originalSha256 = event.claim().contentSha256();
    }

    @EventSourcingHandler
    void on(ClaimCorrected event) {
        replacementSha256ByClaimId.put(event.replacement().claimId(), event.replacement().contentSha256());
    }

    @EventSourcingHandler
    void on(ClaimAdjudicated event) {
        remittanceSha256.add(event.remittance().contentSha256());
    }

    @EventSourcingHandler
    void on(ClaimVoided event) {
        voidClaimIds.add(event.voidClaimId());
        voidedBy = event.voidClaimId();
    }
}
