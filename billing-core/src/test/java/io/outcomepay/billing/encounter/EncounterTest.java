package io.outcomepay.billing.encounter;

import io.outcomepay.billing.encounter.api.ClaimDetails;
import io.outcomepay.billing.encounter.api.ClaimOutcome;
import io.outcomepay.billing.encounter.api.EncounterCommands.CorrectClaim;
import io.outcomepay.billing.encounter.api.EncounterCommands.RecordEncounter;
import io.outcomepay.billing.encounter.api.EncounterCommands.RecordSettlement;
import io.outcomepay.billing.encounter.api.EncounterCommands.VoidClaim;
import io.outcomepay.billing.encounter.api.EncounterEvent.ClaimCorrected;
import io.outcomepay.billing.encounter.api.EncounterEvent.ClaimVoided;
import io.outcomepay.billing.encounter.api.EncounterEvent.EncounterRecorded;
import io.outcomepay.billing.encounter.api.SourceRef;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class EncounterTest {

    private static final String ID = EncounterId.of("H001", "CLM-1");
    private static final SourceRef SOURCE = new SourceRef("claims.csv", 2);

    private AggregateTestFixture<Encounter> fixture;

    static ClaimDetails claim(String claimId, String allowed) {
        return new ClaimDetails(claimId, "H001", "pseudonym", LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 5),
                "193", "J18.9", new BigDecimal("12000.00"), new BigDecimal(allowed), new BigDecimal("7000.00"),
                "USD", "sepsis-watch", true);
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Encounter.class);
    }

    @Test
    void recordsANewEncounter() {
        fixture.givenNoPriorActivity()
                .when(new RecordEncounter(ID, claim("CLM-1", "8000.00"), SOURCE))
                .expectEvents(new EncounterRecorded(ID, claim("CLM-1", "8000.00"), SOURCE))
                .expectResultMessagePayload(ClaimOutcome.RECORDED);
    }

    @Test
    void recordsNothingWhenTheSameClaimArrivesAgain() {
        fixture.given(new EncounterRecorded(ID, claim("CLM-1", "8000.00"), SOURCE))
                .when(new RecordEncounter(ID, claim("CLM-1", "8000.00"), new SourceRef("again.csv", 9)))
                .expectNoEvents()
                .expectResultMessagePayload(ClaimOutcome.DUPLICATE);
    }

    @Test
    void refusesTheSameClaimIdWithOtherContent() {
        fixture.given(new EncounterRecorded(ID, claim("CLM-1", "8000.00"), SOURCE))
                .when(new RecordEncounter(ID, claim("CLM-1", "8000.01"), SOURCE))
                .expectNoEvents()
                .expectResultMessagePayload(ClaimOutcome.CONFLICT);
    }

    @Test
    void appliesAReplacementAsANewEventAndOnlyOnce() {
        fixture.given(new EncounterRecorded(ID, claim("CLM-1", "8000.00"), SOURCE))
                .when(new CorrectClaim(ID, "CLM-1", claim("CLM-1R", "7000.00"), SOURCE))
                .expectEvents(new ClaimCorrected(ID, "CLM-1", claim("CLM-1R", "7000.00"), SOURCE))
                .expectResultMessagePayload(ClaimOutcome.CORRECTED);
        fixture.given(new EncounterRecorded(ID, claim("CLM-1", "8000.00"), SOURCE),
                        new ClaimCorrected(ID, "CLM-1", claim("CLM-1R", "7000.00"), SOURCE))
                .when(new CorrectClaim(ID, "CLM-1", claim("CLM-1R", "7000.00"), SOURCE))
                .expectNoEvents()
                .expectResultMessagePayload(ClaimOutcome.DUPLICATE);
    }

    @Test
    void refusesAReplacementForAnEncounterNeverRecorded() {
        fixture.givenNoPriorActivity()
                .when(new CorrectClaim(ID, "CLM-1", claim("CLM-1R", "7000.00"), SOURCE))
                .expectNoEvents()
                .expectResultMessagePayload(ClaimOutcome.ORIGINAL_NOT_FOUND);
    }

    @Test
    void voidsOnceAndRefusesLaterReplacements() {
        fixture.given(new EncounterRecorded(ID, claim("CLM-1", "8000.00"), SOURCE))
                .when(new VoidClaim(ID, "CLM-1", "CLM-1V", SOURCE))
                .expectEvents(new ClaimVoided(ID, "H001", "CLM-1", "CLM-1V", SOURCE))
                .expectResultMessagePayload(ClaimOutcome.VOIDED);
        fixture.given(new EncounterRecorded(ID, claim("CLM-1", "8000.00"), SOURCE),
                        new ClaimVoided(ID, "H001", "CLM-1", "CLM-1V", SOURCE))
                .when(new VoidClaim(ID, "CLM-1", "CLM-1V", SOURCE))
                .expectNoEvents()
                .expectResultMessagePayload(ClaimOutcome.DUPLICATE);
        fixture.given(new EncounterRecorded(ID, claim("CLM-1", "8000.00"), SOURCE),
                        new ClaimVoided(ID, "H001", "CLM-1", "CLM-1V", SOURCE))
                .when(new CorrectClaim(ID, "CLM-1", claim("CLM-1R", "7000.00"), SOURCE))
                .expectNoEvents()
                .expectResultMessagePayload(ClaimOutcome.ALREADY_VOIDED);
    }

    @Test
    void derivesTheSameIdFromTheSameHospitalAndClaimOnly() {
        assertThat(EncounterId.of("H001", "CLM-1")).isEqualTo(ID);
        assertThat(EncounterId.of("H002", "CLM-1")).isNotEqualTo(ID);
        assertThat(EncounterId.of("H1", "23")).isNotEqualTo(EncounterId.of("H12", "3"));
    }

    @Test
    void aNewSettlementIdForAKnownEncounterIsAReSettlementAndTheSameOneTwiceADuplicate() {
        String id = EncounterId.of("H001", "MDTRT-1");
        fixture.givenNoPriorActivity()
                .when(new RecordSettlement(id, claim("SETL-1", "8000.00"), SOURCE))
                .expectEvents(new EncounterRecorded(id, claim("SETL-1", "8000.00"), SOURCE))
                .expectResultMessagePayload(ClaimOutcome.RECORDED);
        fixture.given(new EncounterRecorded(id, claim("SETL-1", "8000.00"), SOURCE))
                .when(new RecordSettlement(id, claim("SETL-2", "7000.00"), SOURCE))
                .expectEvents(new ClaimCorrected(id, "SETL-1", claim("SETL-2", "7000.00"), SOURCE))
                .expectResultMessagePayload(ClaimOutcome.CORRECTED);
        fixture.given(new EncounterRecorded(id, claim("SETL-1", "8000.00"), SOURCE),
                        new ClaimCorrected(id, "SETL-1", claim("SETL-2", "7000.00"), SOURCE))
                .when(new RecordSettlement(id, claim("SETL-2", "7000.00"), SOURCE))
                .expectNoEvents()
                .expectResultMessagePayload(ClaimOutcome.DUPLICATE);
        fixture.given(new EncounterRecorded(id, claim("SETL-1", "8000.00"), SOURCE))
                .when(new RecordSettlement(id, claim("SETL-1", "8000.01"), SOURCE))
                .expectNoEvents()
                .expectResultMessagePayload(ClaimOutcome.CONFLICT);
    }
}
