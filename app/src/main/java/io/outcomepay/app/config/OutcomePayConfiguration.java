package io.outcomepay.app.config;

import io.outcomepay.analytics.baselines.BaselineCatalog;
import io.outcomepay.analytics.baselines.BaselineProjection;
import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import io.outcomepay.analytics.contracts.ContractCatalog;
import io.outcomepay.analytics.contracts.ContractProjection;
import io.outcomepay.analytics.encounters.EncounterProjection;
import io.outcomepay.analytics.facts.EncounterFactProjection;
import io.outcomepay.analytics.encounters.EncounterQueries;
import io.outcomepay.analytics.rebuild.RebuildingReadModels;
import io.outcomepay.analytics.rebuild.VerifyingReadModels;
import io.outcomepay.analytics.usage.AiUsageProjection;
import io.outcomepay.analytics.settlements.SettlementReadModels;
import io.outcomepay.analytics.settlements.SettlementHistory;
import io.outcomepay.analytics.settlements.SettlementListing;
import io.outcomepay.analytics.settlements.SettlementProjection;
import io.outcomepay.analytics.settlements.VendorRevenue;
import io.outcomepay.app.eventstore.JdbcRecordedOriginals;
import io.outcomepay.claims.intake.JsonClaimPayloads;
import io.outcomepay.billing.encounter.RecordingEncounters;
import io.outcomepay.billing.period.application.SettlingPeriod;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import io.outcomepay.claims.application.ImportingPayments;
import io.outcomepay.claims.application.IngestingClaimFile;
import io.outcomepay.claims.application.RecordingAiUsage;
import io.outcomepay.claims.application.ReplayingDeadLetters;
import io.outcomepay.claims.intake.DeadLetters;
import io.outcomepay.claims.intake.IngestingClaims;
import io.outcomepay.claims.intake.JdbcDeadLetters;
import io.outcomepay.claims.intake.Pseudonymizer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;

/** Assembles the use cases and read models of all modules. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutcomePayProperties.class)
public class OutcomePayConfiguration {

    /** The one clock: nothing calls now() directly, so tests and replays control time. */
    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * JSON for read-model documents and the REST API: BigDecimal kept exactly, dates as ISO strings,
     * problem details (RFC 9457) with their extra properties at the top level.
     */
    @Bean
    public JsonMapper readModelJson() {
        return JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .addMixIn(org.springframework.http.ProblemDetail.class,
                        org.springframework.http.converter.json.ProblemDetailJacksonMixin.class)
                .build();
    }

    /** Report templates, each compiled from the classpath when first used. */
    @Bean
    public io.outcomepay.analytics.auditing.ComputingStatistics computingStatistics(SettlingPeriod settling,
            io.outcomepay.analytics.auditing.StoredStatistics stored) {
        return new io.outcomepay.analytics.auditing.ComputingStatistics(settling, stored);
    }

    @Bean
    public io.outcomepay.reports.rendering.ReportTemplates reportTemplates() {
        return new io.outcomepay.reports.rendering.ReportTemplates();
    }

    @Bean
    public io.outcomepay.app.reporting.Reporting reporting(io.outcomepay.reports.rendering.ReportTemplates templates,
                                                          OutcomePayProperties properties, JdbcTemplate jdbc,
                                                          SettlementHistory history, ContractCatalog contracts,
                                                          io.outcomepay.analytics.auditing.StoredStatistics stored,
                                                          SettlingPeriod settling,
                                                          io.outcomepay.analytics.auditing.ComputingStatistics computing,
                                                          VendorRevenue vendorRevenue, ReadModelCatchUp catchUp,
                                                          PlatformTransactionManager transactions,
                                                          io.outcomepay.billing.period.application.PeriodRecords periods) {
        // not read-only: an audit pack stores the statistics it computes, as `stats` does
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        return new io.outcomepay.app.reporting.Reporting(
                new io.outcomepay.app.reporting.ReportData(jdbc, history, contracts, stored, settling, computing, vendorRevenue,
                        catchUp, periods),
                new io.outcomepay.reports.rendering.ReportRenderer(templates, properties.home().resolve("tmp")),
                transaction);
    }

    @Bean
    public Pseudonymizer pseudonymizer(OutcomePayProperties properties) {
        return Pseudonymizer.fromKeyFile(properties.home().resolve("pseudonym.key"));
    }

    @Bean
    public DeadLetters deadLetters(JdbcTemplate jdbc, Clock clock) {
        return new JdbcDeadLetters(jdbc, clock);
    }

    @Bean
    public IngestingClaims ingestingClaims(CommandGateway commands, EventStore eventStore, JdbcTemplate jdbc,
                                           @Qualifier("eventSerializer") Serializer eventSerializer,
                                           PlatformTransactionManager transactions, DeadLetters deadLetters,
                                           OutcomePayProperties properties) {
        RecordingEncounters recording = new RecordingEncounters(new JdbcRecordedOriginals(jdbc, eventSerializer), eventStore);
        return new IngestingClaims(commands, recording, new TransactionTemplate(transactions), deadLetters,
                new JsonClaimPayloads(), properties.ingestBatchSize());
    }

    @Bean
    public ReadModelCatchUp readModelCatchUp(EventProcessingConfiguration processing, EventStore eventStore,
                                             Clock clock, OutcomePayProperties properties,
                                             io.outcomepay.analytics.processing.ParkedEvents parked) {
        return new ReadModelCatchUp(processing, eventStore, clock, properties.readModelTimeout(), parked);
    }

    @Bean
    public RebuildingReadModels rebuildingReadModels(EventProcessingConfiguration processing, ReadModelCatchUp catchUp,
                                                     @Qualifier("eventSerializer") Serializer eventSerializer,
                                                     TokenStore tokenStore,
                                                     PlatformTransactionManager transactions,
                                                     org.axonframework.config.Configuration axon,
                                                     EncounterProjection encounters, ContractProjection contracts,
                                                     BaselineProjection baselines, AiUsageProjection usage,
                                                     SettlementProjection settlements, EncounterFactProjection facts,
                                                     io.outcomepay.analytics.ledger.LedgerProjection ledger,
                                                     JdbcTemplate jdbc) {
        return new RebuildingReadModels(processing, catchUp, eventSerializer, axon.upcasterChain(), tokenStore,
                new TransactionTemplate(transactions), axon.parameterResolverFactory(),
                List.of(encounters, contracts, baselines, usage, settlements, ledger, facts), jdbc,
                List.of("encounter_view", "encounter_fact"), RebuildingReadModels.BATCH);
    }

    @Bean
    public VerifyingReadModels verifyingReadModels(EventStore eventStore, JdbcTemplate jdbc, JsonMapper readModelJson,
                                                   io.outcomepay.analytics.processing.ParkedEvents parked,
                                                   ReadModelCatchUp catchUp) {
        return new VerifyingReadModels(eventStore, jdbc, new SettlementReadModels(jdbc, readModelJson), parked, catchUp);
    }

    @Bean
    public SettlementProjection settlementProjection(JdbcTemplate jdbc, JsonMapper readModelJson) {
        return new SettlementProjection(jdbc, readModelJson);
    }

    @Bean
    public SettlementListing settlementListing(JdbcTemplate jdbc, ReadModelCatchUp catchUp) {
        return new SettlementListing(jdbc, catchUp);
    }

    @Bean
    public VendorRevenue vendorRevenue(ContractCatalog contracts, SettlementHistory history) {
        return new VendorRevenue(contracts, history);
    }

    @Bean
    public EncounterQueries encounterQueries(JdbcTemplate jdbc, ReadModelCatchUp catchUp) {
        return new EncounterQueries(jdbc, catchUp);
    }

    @Bean
    public io.outcomepay.analytics.auditing.StoredStatistics storedStatistics(JdbcTemplate jdbc,
                                                                               JsonMapper readModelJson,
                                                                               ReadModelCatchUp catchUp, Clock clock) {
        return new io.outcomepay.analytics.auditing.StoredStatistics(jdbc, readModelJson, catchUp, clock);
    }

    @Bean
    public io.outcomepay.analytics.facts.GroupTotals groupTotals(JdbcTemplate jdbc, ReadModelCatchUp catchUp) {
        return new io.outcomepay.analytics.facts.GroupTotals(jdbc, catchUp);
    }

    @Bean
    public EncounterFactProjection encounterFactProjection(JdbcTemplate jdbc, JsonMapper readModelJson,
                                                           ReadModelCatchUp catchUp) {
        return new EncounterFactProjection(jdbc, readModelJson, catchUp);
    }

    @Bean
    public EncounterProjection encounterProjection(JdbcTemplate jdbc) {
        return new EncounterProjection(jdbc);
    }

    @Bean
    public ContractProjection contractProjection(JdbcTemplate jdbc, JsonMapper readModelJson) {
        return new ContractProjection(jdbc, readModelJson);
    }

    @Bean
    public AiUsageProjection aiUsageProjection(JdbcTemplate jdbc) {
        return new AiUsageProjection(jdbc);
    }

    @Bean
    public BaselineProjection baselineProjection(JdbcTemplate jdbc) {
        return new BaselineProjection(jdbc);
    }

    @Bean
    public BaselineCatalog baselineCatalog(JdbcTemplate jdbc, ReadModelCatchUp catchUp) {
        return new BaselineCatalog(jdbc, catchUp);
    }

    @Bean
    public ContractCatalog contractCatalog(JdbcTemplate jdbc, JsonMapper readModelJson, ReadModelCatchUp catchUp) {
        return new ContractCatalog(jdbc, readModelJson, catchUp);
    }

    @Bean
    public SettlementHistory settlementHistory(EventStore eventStore) {
        return new SettlementHistory(eventStore);
    }

    @Bean
    public SettlingPeriod settlingPeriod(JdbcTemplate jdbc, JsonMapper readModelJson, ReadModelCatchUp catchUp,
                                         CommandGateway commands, io.outcomepay.billing.period.application.PeriodRecords periods) {
        return new SettlingPeriod(new SettlementReadModels(jdbc, readModelJson).waitingForCatchUp(catchUp), periods, commands);
    }

    @Bean
    public io.outcomepay.billing.period.application.PeriodRecords periodRecords(EventStore eventStore, JdbcTemplate jdbc,
                                                                                 ReadModelCatchUp catchUp) {
        return new io.outcomepay.analytics.settlements.PeriodRecordsFromEvents(eventStore, jdbc, catchUp);
    }

    @Bean
    public io.outcomepay.analytics.ledger.LedgerProjection ledgerProjection(JdbcTemplate jdbc) {
        return new io.outcomepay.analytics.ledger.LedgerProjection(jdbc);
    }

    @Bean
    public io.outcomepay.analytics.ledger.LedgerQueries ledgerQueries(JdbcTemplate jdbc, ReadModelCatchUp catchUp,
                                                                     Clock clock) {
        return new io.outcomepay.analytics.ledger.LedgerQueries(jdbc, catchUp, clock);
    }

    @Bean
    public io.outcomepay.billing.period.application.ClosingPeriod closingPeriod(
            io.outcomepay.billing.period.application.PeriodRecords periods,
            io.outcomepay.analytics.ledger.LedgerQueries ledger, CommandGateway commands, Clock clock,
            io.outcomepay.analytics.auditing.ComputingStatistics statistics) {
        return new io.outcomepay.billing.period.application.ClosingPeriod(periods, ledger, commands, clock, statistics);
    }

    @Bean
    public io.outcomepay.analytics.catchup.StoredEvents storedEvents(JdbcTemplate jdbc) {
        return new io.outcomepay.analytics.catchup.StoredEvents(jdbc);
    }

    @Bean
    public IngestingClaimFile ingestingClaimFile(IngestingClaims ingesting, BaselineCatalog baselines,
                                                 Pseudonymizer pseudonymizer, ReadModelCatchUp catchUp,
                                                 io.outcomepay.app.metrics.IntakeMetrics metrics) {
        return new IngestingClaimFile(ingesting, new IngestingClaimFile.Baselines() {
            @Override
            public IngestingClaimFile.KnownCodes published() {
                return new IngestingClaimFile.KnownCodes(baselines.knownDrgCodes(), baselines.knownDipGroups());
            }

            @Override
            public IngestingClaimFile.KnownCodes projected() {
                return new IngestingClaimFile.KnownCodes(
                        baselines.projectedCodes(io.outcomepay.billing.baseline.api.BaselineKind.DRG_RELATIVE_WEIGHT),
                        baselines.projectedCodes(io.outcomepay.billing.baseline.api.BaselineKind.DIP_SCORE));
            }
        }, pseudonymizer, catchUp::await, metrics::count);
    }

    @Bean
    public RecordingAiUsage recordingAiUsage(CommandGateway commands, DeadLetters deadLetters) {
        return new RecordingAiUsage(commands, deadLetters);
    }

    @Bean
    public io.outcomepay.claims.application.ImportingUsageEvents importingUsageEvents(RecordingAiUsage recording,
                                                                                   DeadLetters deadLetters) {
        return new io.outcomepay.claims.application.ImportingUsageEvents(recording, deadLetters);
    }

    @Bean
    public ReplayingDeadLetters replayingDeadLetters(IngestingClaimFile files, RecordingAiUsage usage,
                                                     IngestingClaims ingesting, DeadLetters deadLetters) {
        return new ReplayingDeadLetters(files, usage, ingesting, deadLetters);
    }

    @Bean
    public ImportingPayments importingPayments(CommandGateway commands,
                                               io.outcomepay.analytics.ledger.LedgerQueries ledger,
                                               DeadLetters deadLetters) {
        return new ImportingPayments(commands, ledger::documents, deadLetters);
    }

    @Bean
    public io.outcomepay.billing.contract.application.DefiningContract definingContract(CommandGateway commands,
            JdbcTemplate jdbc, JsonMapper readModelJson, ReadModelCatchUp catchUp) {
        SettlementReadModels readModels = new SettlementReadModels(jdbc, readModelJson);
        // only the contracts' read model needs to hold every contract event stored so far
        return new io.outcomepay.billing.contract.application.DefiningContract(commands, (contractId, hospitals) -> {
            catchUp.await(io.outcomepay.analytics.contracts.ContractProjection.GROUP);
            return readModels.contractVersionsCovering(contractId, hospitals);
        });
    }

    @Bean
    public io.outcomepay.billing.baseline.application.PublishingBaseline publishingBaseline(CommandGateway commands) {
        return new io.outcomepay.billing.baseline.application.PublishingBaseline(commands);
    }

    @Bean
    public io.outcomepay.analytics.auditing.VerifyingAuditChain verifyingAuditChain(EventStore eventStore) {
        return new io.outcomepay.analytics.auditing.VerifyingAuditChain(eventStore);
    }
}
