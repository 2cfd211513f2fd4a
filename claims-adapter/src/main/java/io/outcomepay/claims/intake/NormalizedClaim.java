package io.outcomepay.claims.intake;

import io.outcomepay.billing.encounter.EncounterId;
import io.outcomepay.billing.encounter.api.ClaimDetails;
import io.outcomepay.billing.encounter.api.EncounterCommands.CorrectClaim;
import io.outcomepay.billing.encounter.api.EncounterCommands.RecordEncounter;
import io.outcomepay.billing.encounter.api.EncounterCommands.RecordRemittance;
import io.outcomepay.billing.encounter.api.EncounterCommands.RecordSettlement;
import io.outcomepay.billing.encounter.api.EncounterCommands.VoidClaim;
import io.outcomepay.billing.encounter.api.SourceRef;
import io.outcomepay.billing.limits.Limit;
import io.outcomepay.billing.limits.Limits;

/**
 * A claim from any format after validation, ready to become an encounter command: each is held to
 * the limits (docs/limits.md) when it is made, inside its reader, so that a value over a limit
 * rejects its record naming the field while the other records of the file land.
 */
public sealed interface NormalizedClaim extends IntakeItem {

    SourceRef source();

    Object command();

    /** The claim id that names the encounter: the original claim's own id, or the one it replaces or voids. */
    String originalClaimId();

    /** Why a claim with this claim id but other content is refused. */
    String conflict();

    /** The same claim read at another position (a Kafka message's records renumbered to the file's). */
    NormalizedClaim at(SourceRef elsewhere);

    /** The same claim with this payer when it names none (`ingest --payer`); a void names no payer. */
    NormalizedClaim withDefaultPayer(String payer);

    /** A first claim for an encounter (claim frequency "original"). */
    record Original(ClaimDetails claim, SourceRef source) implements NormalizedClaim {
        public Original {
            Limits.claim(claim);
        }

        @Override
        public NormalizedClaim at(SourceRef elsewhere) {
            return new Original(claim, elsewhere);
        }

        @Override
        public NormalizedClaim withDefaultPayer(String payer) {
            return claim.payerId() != null ? this : new Original(claim.withPayer(payer), source);
        }

        @Override
        public RecordEncounter command() {
            return new RecordEncounter(EncounterId.of(claim.hospitalId(), claim.claimId()), claim, source);
        }

        @Override
        public String originalClaimId() {
            return claim.claimId();
        }

        @Override
        public String conflict() {
            return "conflict: claim " + claim.claimId() + " of " + claim.hospitalId()
                    + " was already recorded with other content; send a replacement to change it";
        }
    }

    /** A replacement of the encounter whose original claim is originalClaimId. */
    record Replacement(String originalClaimId, ClaimDetails claim, SourceRef source) implements NormalizedClaim {
        public Replacement {
            Limit.CLAIM_ID.require("original_claim_id", originalClaimId);
            Limits.claim(claim);
        }

        @Override
        public NormalizedClaim at(SourceRef elsewhere) {
            return new Replacement(originalClaimId, claim, elsewhere);
        }

        @Override
        public NormalizedClaim withDefaultPayer(String payer) {
            return claim.payerId() != null ? this : new Replacement(originalClaimId, claim.withPayer(payer), source);
        }

        @Override
        public Object command() {
            return new CorrectClaim(EncounterId.of(claim.hospitalId(), originalClaimId), originalClaimId, claim, source);
        }

        @Override
        public String conflict() {
            return "conflict: replacement " + claim.claimId() + " was already applied with other content";
        }
    }

    /**
     * A settlement of the encounter keyed encounterKey at its hospital (the Chinese 结算清单: 就诊ID);
     * a new settlement id for a known encounter is a re-settlement.
     */
    record Settlement(String encounterKey, ClaimDetails claim, SourceRef source) implements NormalizedClaim {
        public Settlement {
            Limit.CLAIM_ID.require("encounter_key", encounterKey);
            Limits.claim(claim);
        }

        @Override
        public NormalizedClaim at(SourceRef elsewhere) {
            return new Settlement(encounterKey, claim, elsewhere);
        }

        @Override
        public NormalizedClaim withDefaultPayer(String payer) {
            return claim.payerId() != null ? this : new Settlement(encounterKey, claim.withPayer(payer), source);
        }

        @Override
        public RecordSettlement command() {
            return new RecordSettlement(EncounterId.of(claim.hospitalId(), encounterKey), claim, source);
        }

        @Override
        public String originalClaimId() {
            return encounterKey;
        }

        @Override
        public String conflict() {
            return "conflict: settlement " + claim.claimId() + " of encounter " + encounterKey + " at "
                    + claim.hospitalId() + " was already recorded with other content";
        }
    }

    /** A payer's remittance (X12 835 CLP) for the claim claimId of hospitalId. */
    record Remitted(String hospitalId, String claimId, io.outcomepay.billing.encounter.api.Remittance remittance,
                    SourceRef source) implements NormalizedClaim {
        public Remitted {
            Limit.HOSPITAL_ID.require("hospital_id", hospitalId);
            Limit.CLAIM_ID.require("CLP01", claimId);
            Limits.remittance(remittance);
        }

        @Override
        public NormalizedClaim at(SourceRef elsewhere) {
            return new Remitted(hospitalId, claimId, remittance, elsewhere);
        }

        @Override
        public NormalizedClaim withDefaultPayer(String payer) {
            if (remittance.payerId() != null) {
                return this;
            }
            io.outcomepay.billing.encounter.api.Remittance r = remittance;
            return new Remitted(hospitalId, claimId, new io.outcomepay.billing.encounter.api.Remittance(r.payerClaimId(),
                    r.status(), r.charge(), r.paid(), r.patientResponsibility(), r.allowed(), r.adjustments(),
                    r.balanced(), payer), source);
        }

        @Override
        public RecordRemittance command() {
            return new RecordRemittance(EncounterId.of(hospitalId, claimId), claimId, remittance, source);
        }

        @Override
        public String originalClaimId() {
            return claimId;
        }

        @Override
        public String conflict() {
            return "conflict: remittance for claim " + claimId + " of " + hospitalId;
        }
    }

    /** A void of the encounter whose original claim is originalClaimId. */
    record Void(String hospitalId, String claimId, String originalClaimId, SourceRef source) implements NormalizedClaim {
        public Void {
            Limit.HOSPITAL_ID.require("hospital_id", hospitalId);
            Limit.CLAIM_ID.require("claim_id", claimId);
            Limit.CLAIM_ID.require("original_claim_id", originalClaimId);
        }

        @Override
        public NormalizedClaim at(SourceRef elsewhere) {
            return new Void(hospitalId, claimId, originalClaimId, elsewhere);
        }

        @Override
        public NormalizedClaim withDefaultPayer(String payer) {
            return this;
        }

        @Override
        public Object command() {
            return new VoidClaim(EncounterId.of(hospitalId, originalClaimId), originalClaimId, claimId, source);
        }

        @Override
        public String conflict() {
            return "conflict: void " + claimId + " was already applied";
        }
    }
}
