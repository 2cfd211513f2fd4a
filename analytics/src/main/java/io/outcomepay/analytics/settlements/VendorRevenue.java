package io.outcomepay.analytics.settlements;

import io.outcomepay.analytics.contracts.ContractCatalog;
import io.outcomepay.billing.contract.api.ContractDefinition;
import io.outcomepay.billing.party.Party;
import io.outcomepay.billing.period.api.PeriodSettled;
import io.outcomepay.billing.settlement.SettlementResult;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A vendor's revenue per hospital and month over a range of months: its share in the latest
 * revision of every settled month of every contract that names it (a shared loss shows as a
 * negative amount), with totals per hospital and currency.
 */
public class VendorRevenue {

    public static final int MAX_MONTHS = 120;

    private final ContractCatalog contracts;
    private final SettlementHistory history;

    public VendorRevenue(ContractCatalog contracts, SettlementHistory history) {
        this.contracts = contracts;
        this.history = history;
    }

    public record Line(String contractId, String period, String hospitalId, String currency, BigDecimal amount,
                       int revision, String fingerprint) {
    }

    public record HospitalTotal(String hospitalId, String currency, BigDecimal amount) {
    }

    public record Report(String vendorId, String from, String to, List<Line> lines, List<HospitalTotal> totals) {
    }

    public Report revenue(String vendorId, YearMonth from, YearMonth to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to: " + to + " is before from " + from);
        }
        if (from.plusMonths(MAX_MONTHS - 1).isBefore(to)) {
            throw new IllegalArgumentException("to: at most " + MAX_MONTHS + " months from " + from);
        }
        List<Line> lines = new ArrayList<>();
        for (String contractId : contracts.contractIds()) {
            List<ContractCatalog.Version> versions = contracts.versions(contractId);
            if (versions.stream().noneMatch(v -> names(v.definition(), vendorId))) {
                continue;
            }
            for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
                List<PeriodSettled> revisions = history.revisions(contractId, month);
                if (revisions.isEmpty()) {
                    continue;
                }
                PeriodSettled latest = revisions.get(revisions.size() - 1);
                SettlementResult result = latest.result();
                ContractDefinition terms = versions.stream().filter(v -> v.version() == result.contractVersion())
                        .findFirst().orElseThrow().definition();
                if (!names(terms, vendorId)) {
                    continue;
                }
                for (SettlementResult.Row row : result.hospitals()) {
                    BigDecimal amount = row.vendors().isEmpty() ? row.vendor() : row.vendors().getOrDefault(vendorId,
                            BigDecimal.ZERO.setScale(row.vendor().scale()));
                    lines.add(new Line(contractId, result.period(), row.hospitalId(), result.currency(), amount,
                            latest.revision(), result.fingerprint()));
                }
            }
        }
        Map<String, HospitalTotal> totals = new TreeMap<>();
        for (Line line : lines) {
            totals.merge(line.hospitalId() + "|" + line.currency(),
                    new HospitalTotal(line.hospitalId(), line.currency(), line.amount()),
                    (a, b) -> new HospitalTotal(a.hospitalId(), a.currency(), a.amount().add(b.amount())));
        }
        return new Report(vendorId, from.toString(), to.toString(), lines, List.copyOf(totals.values()));
    }

    /** Whether the contract version pays this vendor (it is one of its parties). */
    private static boolean names(ContractDefinition definition, String vendorId) {
        return definition.parties().contains(Party.vendor(vendorId));
    }
}
