package io.outcomepay.billing.encounter;

import io.outcomepay.billing.encounter.api.ClaimOutcome;
import io.outcomepay.billing.encounter.api.EncounterCommands.RecordEncounter;
import io.outcomepay.billing.encounter.api.EncounterEvent.EncounterRecorded;
import io.outcomepay.billing.encounter.api.SourceRef;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RecordingEncountersTest {

    private static final SourceRef SOURCE = new SourceRef("batch.csv", 2);
    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();

    @AfterEach
    void tearDown() {
        store.shutDown();
    }

    private static RecordEncounter record(String hospital, String claimId, String allowed) {
        return new RecordEncounter(EncounterId.of(hospital, claimId), EncounterTest.claim(claimId, allowed), SOURCE);
    }

    @Test
    void decidesABatchInOrderWithTheAggregatesRuleAndAppendsOnlyNewEncounters() {
        RecordEncounter known = record("H001", "CLM-0", "5000.00");
        RecordingEncounters recording = new RecordingEncounters(
                ids -> ids.contains(known.encounterId()) ? Map.of(known.encounterId(), known.claim().contentSha256()) : Map.of(),
                store);

        List<ClaimOutcome> outcomes = recording.record(List.of(
                record("H001", "CLM-1", "8000.00"),
                record("H001", "CLM-1", "8000.00"),
                record("H001", "CLM-1", "8000.01"),
                known,
                record("H001", "CLM-0", "5000.01"),
                record("H001", "CLM-2", "9000.00")));

        assertThat(outcomes).containsExactly(ClaimOutcome.RECORDED, ClaimOutcome.DUPLICATE, ClaimOutcome.CONFLICT,
                ClaimOutcome.DUPLICATE, ClaimOutcome.CONFLICT, ClaimOutcome.RECORDED);
        List<? extends DomainEventMessage<?>> first = store.readEvents(EncounterId.of("H001", "CLM-1")).asStream().toList();
        assertThat(first).hasSize(1);
        assertThat(first.get(0).getType()).isEqualTo("Encounter");
        assertThat(first.get(0).getSequenceNumber()).isZero();
        assertThat(((EncounterRecorded) first.get(0).getPayload()).claim().allowedAmount()).isEqualByComparingTo("8000.00");
        assertThat(store.readEvents(EncounterId.of("H001", "CLM-2")).asStream().count()).isEqualTo(1);
        assertThat(store.readEvents(known.encounterId()).asStream().count()).isZero();
    }
}
