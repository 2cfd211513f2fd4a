package io.outcomepay.app.eventstore;

import io.outcomepay.app.support.UseCases;
import io.outcomepay.claims.usage.UsageEvent;
import io.outcomepay.app.support.ClaimsFile;
import io.outcomepay.app.support.Contracts;
import io.outcomepay.app.support.IntegrationTest;
import io.outcomepay.billing.VersionOutcome;
import io.outcomepay.billing.contract.api.ContractDefinition;
import io.outcomepay.billing.contract.api.ContractEvent.ContractCreated;
import io.outcomepay.billing.encounter.EncounterId;
import io.outcomepay.billing.encounter.api.ClaimOutcome;
import io.outcomepay.claims.intake.IngestReport;
import io.outcomepay.claims.intake.IngestingClaims;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class NamespacedStreamsTest extends IntegrationTest {

    @Autowired
    UseCases operations;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path dir;

    @Test
    void aUsageEventIdEqualToAClaimsFutureEncounterIdLeavesThatClaimFreeToLand() {
        String encounterId = EncounterId.of("NS-H1", "NS-C1");
        UsageEvent usage = new UsageEvent(encounterId, "VENDOR-1", "sepsis-watch", "1", "NS-H1", "NS-C1", null,
                "2026-01-05T10:00:00Z", null);
        assertThat(operations.recordAiUsage(usage, usage.details(), "test", 1)).isEqualTo(ClaimOutcome.RECORDED);

        IngestReport report = operations.ingestCsv(ClaimsFile.claims().row("NS-C1", "NS-H1", "193", "8000.00")
                .writeTo(dir, "ns.csv"), IngestingClaims.Listener.silent());

        assertThat(report.recorded()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select ai_assisted from encounter_view where encounter_id = ?",
                Boolean.class, encounterId)).isTrue();
        assertThat(jdbc.queryForList("select type from domain_event_entry where aggregate_identifier in (?, ?) "
                + "order by type", String.class, encounterId, "usage:" + encounterId))
                .containsExactly("AiUsageEvent", "Encounter");
    }

    @Test
    void aContractStoredUnderItsBareIdBeforeTheNamespacesIsAmendedInItsOwnStream() {
        ContractDefinition first = Contracts.definition("NS-LEGACY-1", "NS-H9", "2026-01-01", "6500.00");
        eventStore.publish(new GenericDomainEventMessage<>("Contract", "NS-LEGACY-1", 0L,
                new ContractCreated("NS-LEGACY-1", 1, first)));
        jdbc.update("insert into legacy_stream (aggregate_identifier, type) values ('NS-LEGACY-1', 'Contract')");

        VersionOutcome again = operations.createContract(first);
        VersionOutcome amended = operations.amendContract(
                Contracts.definition("NS-LEGACY-1", "NS-H9", "2026-03-01", "6600.00"));

        assertThat(amended.changed()).isTrue();
        assertThat(again.changed()).isFalse();
        assertThat(jdbc.queryForList("select aggregate_identifier || '#' || sequence_number from domain_event_entry "
                + "where aggregate_identifier like '%NS-LEGACY-1' order by sequence_number", String.class))
                .containsExactly("NS-LEGACY-1#0", "NS-LEGACY-1#1");
    }

    @Test
    void aNewContractIsStoredInTheContractsNamespace() {
        operations.createContract(Contracts.definition("NS-NEW-1", "NS-H8", "2026-01-01", "6500.00"));

        assertThat(jdbc.queryForList("select aggregate_identifier from domain_event_entry where type = 'Contract' "
                + "and aggregate_identifier like '%NS-NEW-1'", String.class)).containsExactly("contract:NS-NEW-1");
    }
}
