package io.outcomepay.analytics.facts;

import io.outcomepay.analytics.settlements.SettlementReadModels;
import io.outcomepay.billing.contract.ContractInForce;
import io.outcomepay.billing.contract.api.ContractDefinition;
import io.outcomepay.billing.settlement.CaseBaseline;
import io.outcomepay.billing.settlement.CasePricing;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract months that price encounters: every contract's versions as projected, the hospitals
 * they cover, and for a hospital and a discharge month the contract months in force on its first
 * day ({@link ContractInForce}) with their baseline and pricing, as settlement takes them; each
 * month's compact id in encounter_fact, created on first use.
 */
final class ContractMonths {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final SettlementReadModels readModels;
    private final Map<String, Integer> monthIds = new ConcurrentHashMap<>();

    ContractMonths(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.readModels = new SettlementReadModels(jdbc, json);
    }

    /** The contracts as projected now. */
    Snapshot load() {
        return new Snapshot(loadContracts());
    }

    record ContractRow(String contractId, int version, ContractDefinition definition) {
    }

    /** A contract month as settlement takes it: the version and the baseline in force on its first day. */
    record PricedMonth(String contractId, int monthId, int version, Set<String> hospitals,
                               CaseBaseline baseline, CasePricing pricing) {
    }

    /** Every contract's versions as projected at one moment, which hospitals they cover and how each month prices. */
    final class Snapshot {
        private final Map<String, List<ContractRow>> versions = new HashMap<>();
        private final Map<String, Set<String>> byHospital = new HashMap<>();
        private final Map<String, Optional<PricedMonth>> months = new HashMap<>();

        private Snapshot(List<ContractRow> rows) {
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
                                row.definition().terms(), row.definition().settlementParties(
                                        sharedWithOtherInsurers(contractId, row.definition(), period))))));
            });
        }

        /** As settlement reads it ({@link ContractInForce#sharedWithOtherInsurers}). */
        private Set<String> sharedWithOtherInsurers(String contractId, ContractDefinition definition, YearMonth period) {
            // only contracts that ever cover one of its hospitals can share one
            Set<String> candidates = new TreeSet<>();
            definition.hospitals().forEach(h -> candidates.addAll(byHospital.getOrDefault(h, Set.of())));
            candidates.remove(contractId);
            List<List<ContractDefinition>> others = new ArrayList<>();
            candidates.forEach(id -> others.add(versions.get(id).stream().map(ContractRow::definition).toList()));
            return ContractInForce.sharedWithOtherInsurers(definition, period, others);
        }

        /** As settlement reads it ({@link ContractInForce}). */
        private Optional<ContractRow> inForce(String contractId, LocalDate day) {
            return ContractInForce.on(day, versions.getOrDefault(contractId, List.of()), ContractRow::definition);
        }
    }

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
}
