package io.outcomepay.analytics.facts;

import io.outcomepay.analytics.baselines.BaselineProjection;
import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import io.outcomepay.analytics.contracts.ContractProjection;
import io.outcomepay.analytics.copy.CopyRows;
import io.outcomepay.analytics.encounters.EncounterProjection;
import io.outcomepay.analytics.processing.PoisonIsolation;
import io.outcomepay.analytics.rebuild.BulkLoad;
import io.outcomepay.analytics.rebuild.RebuildingReadModels;
import io.outcomepay.analytics.settlements.SettlementReadModels;
import io.outcomepay.analytics.usage.AiUsageProjection;
import io.outcomepay.billing.baseline.api.BaselineTablePublished;
import io.outcomepay.billing.contract.ContractInForce;
import io.outcomepay.billing.contract.api.ContractDefinition;
import io.outcomepay.billing.contract.api.ContractEvent;
import io.outcomepay.billing.encounter.EncounterId;
import io.outcomepay.billing.encounter.api.EncounterEvent;
import io.outcomepay.billing.money.Money;
import io.outcomepay.billing.settlement.CaseBaseline;
import io.outcomepay.billing.settlement.CasePricing;
import io.outcomepay.billing.settlement.EncounterLine;
import io.outcomepay.billing.settlement.Fingerprint;
import io.outcomepay.billing.usage.api.AiUsage.AiUsageRecorded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Table encounter_fact: every encounter as its contract month prices it, one row per contract
 * covering its hospital in its discharge month (the contract version and the baseline table version
 * in force on the month's first day, as settlement takes them). An encounter's rows are recomputed
 * when it is recorded, corrected, adjudicated or voided and when an AI usage event names it; a
 * contract's rows when the contract gets a version or its baseline table a version.
 *
 * <p>The rows are computed from the encounter, AI usage, contract and baseline read models, each
 * awaited until it has handled at least the events this processor has: a row may reflect a later
 * state than the event being handled, never an earlier one, and the later event recomputes it
 * again, so the table ends at the latest state. Work is done once per batch of events.
 */
@ProcessingGroup(EncounterFactProjection.GROUP)
public class EncounterFactProjection {

    public static final String GROUP = "facts";
    /** The read models the facts are computed from. */
    static final List<String> READS = List.of(EncounterProjection.GROUP, AiUsageProjection.GROUP,
            ContractProjection.GROUP, BaselineProjection.GROUP);
    private static final String PENDING = EncounterFactProjection.class.getName() + ".pending";
    private static final int CHUNK = 2000;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final SettlementReadModels readModels;
    private final ReadModelCatchUp catchUp;
    private final Map<String, Integer> monthIds = new ConcurrentHashMap<>();

    public EncounterFactProjection(JdbcTemplate jdbc, JsonMapper json, ReadModelCatchUp catchUp) {
        this.jdbc = jdbc;
        this.json = json;
        this.readModels = new SettlementReadModels(jdbc, json);
        this.catchUp = catchUp;
    }

    /** What a batch of events touched, and the position of its last event. */
    private static final class Pending {
        /**
         * Encounters first recorded in the batch, priced from their event: they have no facts unless a
         * contract rebuild read them ahead (then replaced; a later event of theirs recomputes them).
         */
        final Map<String, EncounterEvent.EncounterRecorded> recorded = new java.util.LinkedHashMap<>();
        final Set<String> encounters = new HashSet<>();
        final Set<String> contracts = new HashSet<>();
        final Set<String> tables = new HashSet<>();
        long position = -1;
        /** false in a replay: it rebuilds the read models read here in event order, in the same transaction */
        boolean awaitReadModels = true;
        /** the bulk load of a rebuild this batch is part of, or null */
        BulkLoad bulk;

        void clear() {
            recorded.clear();
            encounters.clear();
            contracts.clear();
            tables.clear();
        }
    }

    /** In an isolated batch (after a failed one) each event's facts are written by its own handler. */
    private void flushIfIsolated(UnitOfWork<?> unitOfWork) {
        Pending pending = unitOfWork.root().getResource(PENDING);
        if (pending != null && pending.bulk == null && PoisonIsolation.isolated(unitOfWork)) {
            try {
                flush(pending);
            } finally {
                pending.clear();
            }
        }
    }

    @EventHandler
    void on(EncounterEvent event, TrackingToken token, UnitOfWork<?> unitOfWork) {
        if (event instanceof EncounterEvent.EncounterRecorded recorded) {
            pending(unitOfWork, token).recorded.put(event.encounterId(), recorded);
        } else if (!BulkLoad.deferredAfterTheLoad(this, unitOfWork)) {
            pending(unitOfWork, token).encounters.add(event.encounterId());
        }
        flushIfIsolated(unitOfWork);
    }

    @EventHandler
    void on(AiUsageRecorded event, TrackingToken token, UnitOfWork<?> unitOfWork) {
        if (BulkLoad.deferredAfterTheLoad(this, unitOfWork)) {
            return;
        }
        var d = event.details();
        pending(unitOfWork, token).encounters.add(d.claimId() != null && !d.claimId().isBlank()
                ? EncounterId.of(d.hospitalId(), d.claimId()) : d.encounterRef());
        flushIfIsolated(unitOfWork);
    }

    @EventHandler
    void on(ContractEvent event, TrackingToken token, UnitOfWork<?> unitOfWork) {
        if (handledByTheBulkLoad(unitOfWork)) {
            return;
        }
        pending(unitOfWork, token).contracts.add(event.contractId());
        flushIfIsolated(unitOfWork);
    }

    @EventHandler
    void on(BaselineTablePublished event, TrackingToken token, UnitOfWork<?> unitOfWork) {
        if (handledByTheBulkLoad(unitOfWork)) {
            return;
        }
        pending(unitOfWork, token).tables.add(event.tableId());
        flushIfIsolated(unitOfWork);
    }

    /**
     * In the bulk load of a rebuild (answer true), a contract or baseline change re-prices the
     * encounters recorded before it after the load (it deletes and finds facts by their keys): it is
     * deferred; those recorded after it are priced from their events under it, the contracts being
     * read again. With no encounter before it, there is nothing to re-price. Otherwise false: the
     * change is handled now.
     */
    private boolean handledByTheBulkLoad(UnitOfWork<?> unitOfWork) {
        Optional<BulkLoad> bulk = BulkLoad.of(unitOfWork);
        if (bulk.isEmpty()) {
            return false;
        }
        bulk.get().forget(CONTRACTS);
        if (bulk.get().seenBefore(EncounterEvent.EncounterRecorded.class)) {
            BulkLoad.deferredAfterTheLoad(this, unitOfWork);
        }
        return true;
    }

    @ResetHandler
    public void reset() {
        jdbc.execute("truncate encounter_fact");
    }

    private Pending pending(UnitOfWork<?> unitOfWork, TrackingToken token) {
        UnitOfWork<?> root = unitOfWork.root();
        Pending pending = root.getOrComputeResource(PENDING, key -> {
            Pending created = new Pending();
            created.awaitReadModels = !root.resources().containsKey(RebuildingReadModels.REPLAYING);
            created.bulk = BulkLoad.of(root).orElse(null);
            root.onPrepareCommit(u -> flush(created));
            return created;
        });
        pending.position = Math.max(pending.position, token.position().orElse(pending.position));
        return pending;
    }

    private void flush(Pending pending) {
        if (pending.awaitReadModels) {
            catchUp.awaitPosition(READS, pending.position);
        }
        BulkLoad bulk = pending.bulk;
        // in a bulk load the contracts are read again only after an event of theirs, not every batch;
        // the load defers every change of an encounter already recorded, so nothing is re-priced here
        Contracts contracts = bulk == null ? new Contracts(loadContracts())
                : bulk.cached(CONTRACTS, () -> new Contracts(loadContracts()));
        Set<String> rebuilt = new TreeSet<>(pending.contracts);
        rebuilt.addAll(contracts.referencing(pending.tables));
        Set<String> changed = new HashSet<>(pending.encounters);
        if (!rebuilt.isEmpty()) {
            jdbc.update("delete from encounter_fact where contract_id = any (?)", (Object) rebuilt.toArray(String[]::new));
            Set<String> hospitals = contracts.hospitalsOf(rebuilt);
            changed.addAll(jdbc.queryForList("select encounter_id from encounter_view where hospital_id = any (?)",
                    String.class, (Object) hospitals.toArray(String[]::new)));
        }
        List<String> ids = new ArrayList<>(changed);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            String[] array = chunk.toArray(String[]::new);
            jdbc.update("delete from encounter_fact where encounter_id = any (?::uuid[])", (Object) array);
            insert(readEncounters(array), contracts, false);
        }
        List<EncounterEvent.EncounterRecorded> recorded = pending.recorded.values().stream()
                .filter(e -> !changed.contains(e.encounterId()))
                .filter(e -> contracts.covers(e.hospitalId()))
                .toList();
        // no usage event yet in a bulk load (this batch's are seen by now): none can name these encounters
        boolean usage = bulk == null || bulk.seenBefore(AiUsageRecorded.class);
        for (int from = 0; from < recorded.size(); from += CHUNK) {
            List<Encounter> encounters = fromEvents(recorded.subList(from, Math.min(recorded.size(), from + CHUNK)), usage);
            if (bulk != null) {
                bulk.copy(rows(encounters, contracts), "encounter_fact", COLUMNS);
            } else {
                insert(encounters, contracts, true);
            }
        }
    }

    private static final String CONTRACTS = EncounterFactProjection.class.getName() + ".contracts";

    /** The compact key of a contract month in encounter_fact (its settlement index), created on first use. */
    private int monthId(String contractId, YearMonth period) {
        return monthIds.computeIfAbsent(contractId + "|" + period, k -> {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        if (status != STATUS_COMMITTED) {
                            // a month id created in a rolled back transaction is gone from the table
                            monthIds.clear();
                        }
                    }
                });
            }
            jdbc.update("insert into encounter_fact_month (contract_id, period) values (?, ?) on conflict do nothing",
                    contractId, period.toString());
            return jdbc.queryForObject("select month_id from encounter_fact_month where contract_id = ? and period = ?",
                    Integer.class, contractId, period.toString());
        });
    }

    private List<ContractRow> loadContracts() {
        return jdbc.query("select contract_id, version, definition from contract_version_view order by contract_id, version",
                (rs, i) -> new ContractRow(rs.getString(1), rs.getInt(2),
                        json.readValue(rs.getString(3), ContractDefinition.class)));
    }

    private record ContractRow(String contractId, int version, ContractDefinition definition) {
    }

    /** A contract month as settlement takes it: the version and the baseline in force on its first day. */
    private record PricedMonth(String contractId, int monthId, int version, Set<String> hospitals,
                               CaseBaseline baseline, CasePricing pricing) {
    }

    /** Every contract's versions, which hospitals they cover and how each month prices. */
    private final class Contracts {
        private final Map<String, List<ContractRow>> versions = new HashMap<>();
        private final Map<String, Set<String>> byHospital = new HashMap<>();
        private final Map<String, Optional<PricedMonth>> months = new HashMap<>();

        Contracts(List<ContractRow> rows) {
            for (ContractRow row : rows) {
                versions.computeIfAbsent(row.contractId(), k -> new ArrayList<>()).add(row);
                row.definition().hospitals().forEach(h ->
                        byHospital.computeIfAbsent(h, k -> new TreeSet<>()).add(row.contractId()));
            }
        }

        Set<String> referencing(Set<String> tables) {
            Set<String> contracts = new TreeSet<>();
            versions.forEach((id, rows) -> {
                if (rows.stream().anyMatch(r -> tables.contains(r.definition().baseline().table()))) {
                    contracts.add(id);
                }
            });
            return contracts;
        }

        boolean covers(String hospitalId) {
            return byHospital.containsKey(hospitalId);
        }

        Set<String> hospitalsOf(Set<String> contracts) {
            Set<String> hospitals = new TreeSet<>();
            contracts.forEach(c -> versions.getOrDefault(c, List.of())
                    .forEach(r -> hospitals.addAll(r.definition().hospitals())));
            return hospitals;
        }

        /** The contract months that price an encounter of this hospital discharged in this month. */
        List<PricedMonth> covering(String hospitalId, YearMonth period) {
            List<PricedMonth> covering = new ArrayList<>();
            for (String contractId : byHospital.getOrDefault(hospitalId, Set.of())) {
                month(contractId, period).filter(m -> m.hospitals().contains(hospitalId)).ifPresent(covering::add);
            }
            return covering;
        }

        private Optional<PricedMonth> month(String contractId, YearMonth period) {
            return months.computeIfAbsent(contractId + "|" + period, k -> {
                LocalDate firstDay = period.atDay(1);
                return inForce(contractId, firstDay).flatMap(row -> readModels.baseline(row.definition().baseline(),
                        firstDay).map(baseline -> new PricedMonth(contractId, monthId(contractId, period), row.version(),
                        Set.copyOf(row.definition().hospitals()), baseline,
                        new CasePricing(Currency.getInstance(row.definition().currency()), baseline,
                                row.definition().terms()))));
            });
        }

        /** As settlement reads it ({@link ContractInForce}). */
        private Optional<ContractRow> inForce(String contractId, LocalDate day) {
            return ContractInForce.on(day, versions.getOrDefault(contractId, List.of()), ContractRow::definition);
        }
    }

    /** One encounter as encounter_view and ai_usage_view hold it. */
    private record Encounter(EncounterLine line, boolean voided, boolean denied, BigDecimal paid, int corrections) {
    }

    /** Encounters as encounter_view and ai_usage_view hold them now. */
    private List<Encounter> readEncounters(String[] ids) {
        return jdbc.query("select " + SettlementReadModels.LINE_COLUMNS
                        + ", e.voided, e.denied, e.payer_paid, e.correction_count from encounter_view e"
                        + " where e.encounter_id = any (?)",
                (rs, i) -> new Encounter(SettlementReadModels.line(rs), rs.getBoolean(11), rs.getBoolean(12),
                        rs.getBigDecimal(13), rs.getInt(14)), (Object) ids);
    }

    /** New encounters as their events recorded them; AI-assisted also when a usage event already named them. */
    private List<Encounter> fromEvents(List<EncounterEvent.EncounterRecorded> events, boolean usage) {
        Set<String> used = !usage ? Set.of() : new HashSet<>(jdbc.queryForList(
                "select distinct encounter_id from ai_usage_view where encounter_id = any (?)", String.class,
                (Object) events.stream().map(EncounterEvent::encounterId).toArray(String[]::new)));
        return events.stream().map(e -> {
            var c = e.claim();
            return new Encounter(new EncounterLine(e.encounterId(), c.claimId(), c.hospitalId(), c.dischargeDate(),
                    c.drg(), c.allowedAmount(), c.currency(), c.aiAssisted() || used.contains(e.encounterId()),
                    c.dipGroup(), c.patientPseudonym()), false, false, null, 0);
        }).toList();
    }

    /** @param newEncounters encounters first recorded in this batch (else their old facts were deleted) */
    private void insert(List<Encounter> encounters, Contracts contracts, boolean newEncounters) {
        CopyRows rows = rows(encounters, contracts);
        if (rows.size() == 0) {
            return;
        }
        // COPY, far cheaper than binding every row. A new encounter has no facts unless a contract
        // rebuild read it ahead: then the COPY meets its key and the rows go through an upsert.
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            if (newEncounters && rows.copyInto(connection, "encounter_fact", COLUMNS)) {
                return null;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("create temp table if not exists encounter_fact_stage "
                        + "(like encounter_fact including defaults) on commit delete rows");
                rows.copyInto(connection, "encounter_fact_stage", COLUMNS);
                statement.executeUpdate(UPSERT);
                statement.execute("truncate encounter_fact_stage");
            }
            return null;
        });
    }

    /** The encounters priced by every contract month covering them, a row each. */
    private static CopyRows rows(List<Encounter> encounters, Contracts contracts) {
        CopyRows rows = new CopyRows();
        for (Encounter encounter : encounters) {
            EncounterLine line = encounter.line();
            YearMonth period = YearMonth.from(line.dischargeDate());
            for (PricedMonth month : contracts.covering(line.hospitalId(), period)) {
                new Fact(month, period, encounter, month.pricing().price(line)).addTo(rows);
            }
        }
        return rows;
    }

    private static final List<String> COLUMNS = List.of("encounter_id", "contract_id", "month_id", "hospital_id",
            "period", "contract_version", "baseline_table", "baseline_version", "claim_id", "discharge_date", "drg",
            "dip_group", "weight", "allowed_amount", "paid_amount", "currency", "ai_assisted", "patient_pseudonym",
            "status", "state", "adjustment", "detail", "baseline", "actual", "baseline_minor", "actual_minor",
            "correction_count", "line_sha256");
    private static final String UPSERT = "insert into encounter_fact (" + String.join(", ", COLUMNS) + ") select "
            + String.join(", ", COLUMNS) + " from encounter_fact_stage on conflict (encounter_id, contract_id) do update set "
            + String.join(", ", COLUMNS.subList(2, COLUMNS.size()).stream().map(c -> c + " = excluded." + c).toList());

    /** One row of encounter_fact. */
    private record Fact(PricedMonth month, YearMonth period, Encounter encounter, CasePricing.PricedLine priced) {

        String status() {
            return encounter.voided() ? "voided" : encounter.denied() ? "denied"
                    : !priced.eligible() ? "not_eligible"
                    : priced.exclusion() != null ? priced.exclusion().name().toLowerCase(Locale.ROOT) : "included";
        }

        FactState state() {
            return encounter.voided() || encounter.denied() ? FactState.OUT : !priced.eligible() ? FactState.NOT_ELIGIBLE
                    : priced.exclusion() != null ? FactState.EXCLUDED : FactState.INCLUDED;
        }

        /** The row, fields in {@link #COLUMNS} order. */
        void addTo(CopyRows rows) {
            EncounterLine line = encounter.line();
            int scale = Money.scaleOf(month.pricing().currency());
            rows.add(line.encounterId(), month.contractId(), month.monthId(), line.hospitalId(), period,
                    month.version(), month.baseline().tableId(), month.baseline().tableVersion(), line.claimId(),
                    line.dischargeDate(), line.drg(), line.dipGroup(), priced.weight(), line.allowedAmount(),
                    encounter.paid(), line.currency(), line.aiAssisted(), line.patient(), status(), state().code(),
                    priced.adjustment(), priced.detail(), priced.baseline(), priced.actual(),
                    minor(priced.baseline(), scale), minor(priced.actual(), scale), encounter.corrections(),
                    Fingerprint.lineSha256(line));
        }

        private static Long minor(BigDecimal amount, int scale) {
            return amount == null ? null : amount.setScale(scale).unscaledValue().longValueExact();
        }
    }
}
