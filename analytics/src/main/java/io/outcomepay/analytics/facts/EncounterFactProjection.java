package io.outcomepay.analytics.facts;

import io.outcomepay.analytics.baselines.BaselineProjection;
import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import io.outcomepay.analytics.contracts.ContractProjection;
import io.outcomepay.analytics.encounters.EncounterProjection;
import io.outcomepay.analytics.processing.PoisonIsolation;
import io.outcomepay.analytics.rebuild.BulkLoad;
import io.outcomepay.analytics.rebuild.RebuildingReadModels;
import io.outcomepay.analytics.settlements.SettlementReadModels;
import io.outcomepay.analytics.usage.AiUsageProjection;
import io.outcomepay.billing.baseline.api.BaselineTablePublished;
import io.outcomepay.billing.contract.api.ContractEvent;
import io.outcomepay.billing.encounter.EncounterId;
import io.outcomepay.billing.encounter.api.EncounterEvent;
import io.outcomepay.billing.settlement.EncounterLine;
import io.outcomepay.billing.usage.api.AiUsage.AiUsageRecorded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
    private final ContractMonths contractMonths;
    private final EncounterFactWriter writer;
    private final ReadModelCatchUp catchUp;

    public EncounterFactProjection(JdbcTemplate jdbc, JsonMapper json, ReadModelCatchUp catchUp) {
        this.jdbc = jdbc;
        this.contractMonths = new ContractMonths(jdbc, json);
        this.writer = new EncounterFactWriter(jdbc);
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
        ContractMonths.Snapshot contracts = bulk == null ? contractMonths.load()
                : bulk.cached(CONTRACTS, contractMonths::load);
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
            writer.insert(readEncounters(array), contracts, false);
        }
        List<EncounterEvent.EncounterRecorded> recorded = pending.recorded.values().stream()
                .filter(e -> !changed.contains(e.encounterId()))
                .filter(e -> contracts.covers(e.hospitalId()))
                .toList();
        // no usage event yet in a bulk load (this batch's are seen by now): none can name these encounters
        boolean usage = bulk == null || bulk.seenBefore(AiUsageRecorded.class);
        for (int from = 0; from < recorded.size(); from += CHUNK) {
            List<EncounterFacts.Encounter> encounters = fromEvents(recorded.subList(from, Math.min(recorded.size(), from + CHUNK)), usage);
            if (bulk != null) {
                bulk.copy(EncounterFacts.rows(encounters, contracts), "encounter_fact", EncounterFacts.COLUMNS);
            } else {
                writer.insert(encounters, contracts, true);
            }
        }
    }

    private static final String CONTRACTS = EncounterFactProjection.class.getName() + ".contracts";

    /** Encounters as encounter_view and ai_usage_view hold them now. */
    private List<EncounterFacts.Encounter> readEncounters(String[] ids) {
        return jdbc.query("select " + SettlementReadModels.LINE_COLUMNS
                        + ", e.voided, e.denied, e.payer_paid, e.correction_count from encounter_view e"
                        + " where e.encounter_id = any (?)",
                (rs, i) -> {
                    int n = SettlementReadModels.LINE_WIDTH;
                    return new EncounterFacts.Encounter(SettlementReadModels.line(rs), rs.getBoolean(n + 1),
                            rs.getBoolean(n + 2), rs.getBigDecimal(n + 3), rs.getInt(n + 4));
                }, (Object) ids);
    }

    /** New encounters as their events recorded them, with the vendors whose usage events already named them. */
    private List<EncounterFacts.Encounter> fromEvents(List<EncounterEvent.EncounterRecorded> events, boolean usage) {
        Map<String, List<String>> vendors = new HashMap<>();
        if (usage) {
            jdbc.query("select distinct encounter_id::text, vendor from ai_usage_view where encounter_id = any (?)"
                            + " order by 1, 2",
                    rs -> {
                        vendors.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(rs.getString(2));
                    }, (Object) events.stream().map(EncounterEvent::encounterId).toArray(String[]::new));
        }
        return events.stream().map(e -> {
            var c = e.claim();
            return new EncounterFacts.Encounter(new EncounterLine(e.encounterId(), c.claimId(), c.hospitalId(),
                    c.dischargeDate(), c.drg(), c.allowedAmount(), c.currency(), c.aiAssisted(), c.dipGroup(),
                    c.patientPseudonym(), c.payerId(), c.aiService(), vendors.getOrDefault(e.encounterId(), List.of()),
                    null), false, false, null, 0);
        }).toList();
    }

}
