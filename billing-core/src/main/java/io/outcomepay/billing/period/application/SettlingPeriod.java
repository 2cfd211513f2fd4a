package io.outcomepay.billing.period.application;

import io.outcomepay.billing.VersionOutcome;
import io.outcomepay.billing.contract.api.ContractDefinition;
import io.outcomepay.billing.period.SettlementPeriodId;
import io.outcomepay.billing.period.api.PeriodRefused;
import io.outcomepay.billing.period.api.PriorPeriodAdjustment;
import io.outcomepay.billing.period.api.SettlementPeriodCommands.RecordPeriodSettlement;
import io.outcomepay.billing.settlement.CaseBaseline;
import io.outcomepay.billing.settlement.SettlementEngine;
import io.outcomepay.billing.settlement.SettlementRequest;
import io.outcomepay.billing.settlement.SettlementResult;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Currency;

/**
 * Settles one contract month: the contract version in force on the month's first day, the
 * baseline table version in force that day, the month's encounters; the engine's result is
 * recorded on the SettlementPeriod (a new revision only when the fingerprint changed).
 */
public class SettlingPeriod {

    /** Who records a calculation when no user is named (the demo, a script). */
    public static final String SYSTEM = "system";

    private final SettlementSources sources;
    private final PeriodRecords periods;
    private final CommandGateway commands;

    public SettlingPeriod(SettlementSources sources, PeriodRecords periods, CommandGateway commands) {
        this.sources = sources;
        this.periods = periods;
        this.commands = commands;
    }

    public Settled settle(String contractId, YearMonth period) {
        return settle(contractId, period, null);
    }

    /** @param qualityScore 0..1 for terms with a quality gate; null when there is none */
    public Settled settle(String contractId, YearMonth period, BigDecimal qualityScore) {
        return settle(contractId, period, qualityScore, Pricing.SET_BASED, SYSTEM, "settle");
    }

    public Settled settle(String contractId, YearMonth period, BigDecimal qualityScore, Pricing pricing) {
        return settle(contractId, period, qualityScore, pricing, SYSTEM, "settle");
    }

    /**
     * Calculates the month and records it as a new revision when anything changed: its own result
     * and, when it is the month after the contract's last closed month, the prior-period
     * adjustments of every closed month whose shares changed since (PriorPeriodAdjustments).
     * Refused for an approved or closed month, and for a month before the last closed one.
     */
    public Settled settle(String contractId, YearMonth period, BigDecimal qualityScore, Pricing pricing, String actor,
                          String reason) {
        List<PeriodRecord> months = periods.periods(contractId);
        YearMonth lastClosed = lastClosed(months);
        PeriodRecord current = months.stream().filter(p -> p.period().equals(period)).findFirst().orElse(null);
        if (lastClosed != null && period.isBefore(lastClosed) && (current == null || current.closed() == null)) {
            throw new PeriodRefused(SettlementPeriodId.of(contractId, period) + " is before the contract's last closed month "
                    + lastClosed + ": it is not calculated; its claims are carried as prior-period adjustments");
        }
        SettlementResult result = calculate(contractId, period, qualityScore, pricing);
        String insurer = sources.contractInForce(contractId, period.atDay(1)).orElseThrow().definition().insurer();
        List<PriorPeriodAdjustment> adjustments = lastClosed != null && period.equals(lastClosed.plusMonths(1))
                ? PriorPeriodAdjustments.of(months, closed -> calculate(contractId, closed.period(),
                closed.latest().result().qualityScore(), pricing))
                : List.of();
        VersionOutcome recorded = commands.sendAndWait(new RecordPeriodSettlement(SettlementPeriodId.of(contractId, period),
                result, insurer, adjustments, actor, reason));
        return new Settled(result, recorded.version(), recorded.changed(), adjustments);
    }

    static YearMonth lastClosed(List<PeriodRecord> months) {
        return months.stream().filter(p -> p.closed() != null).map(PeriodRecord::period).max(YearMonth::compareTo)
                .orElse(null);
    }

    /** The settlement as it would be recorded now, without recording it. */
    public SettlementResult calculate(String contractId, YearMonth period, BigDecimal qualityScore) {
        return calculate(contractId, period, qualityScore, Pricing.SET_BASED);
    }

    public SettlementResult calculate(String contractId, YearMonth period, BigDecimal qualityScore, Pricing pricing) {
        return switch (pricing) {
            case SET_BASED -> {
                SettlementRequest terms = terms(contractId, period, qualityScore, List.of());
                yield SettlementEngine.settle(terms, sources.priced(terms));
            }
            case IN_MEMORY -> SettlementEngine.settle(request(contractId, period, qualityScore));
        };
    }

    /** The cases the settlement of the period would price now, eligible or not (for statistics). */
    public List<SettlementEngine.PricedCase> pricedCases(String contractId, YearMonth period) {
        return SettlementEngine.pricedCases(request(contractId, period, null));
    }

    /** The contract month with its encounters, as the in-memory engine settles it. */
    public SettlementRequest request(String contractId, YearMonth period, BigDecimal qualityScore) {
        return terms(contractId, period, qualityScore, null);
    }

    private SettlementRequest terms(String contractId, YearMonth period, BigDecimal qualityScore,
                                    List<io.outcomepay.billing.settlement.EncounterLine> encounters) {
        return request(sources, contractId, period, qualityScore, encounters);
    }

    /**
     * The contract version and the baseline table version in force on the month's first day, and
     * the given encounters (null: read them), from these sources.
     */
    public static SettlementRequest request(SettlementSources sources, String contractId, YearMonth period,
                                            BigDecimal qualityScore,
                                            List<io.outcomepay.billing.settlement.EncounterLine> encounters) {
        LocalDate firstDay = period.atDay(1);
        SettlementSources.ContractVersion contract = sources.contractInForce(contractId, firstDay)
                .orElseThrow(() -> new SettlementRefused("contract " + contractId + " is not in force on " + firstDay));
        ContractDefinition definition = contract.definition();
        CaseBaseline baseline = sources.baseline(definition.baseline(), firstDay)
                .orElseThrow(() -> new SettlementRefused("baseline table " + definition.baseline().table() + " ("
                        + definition.baseline().kind() + ") has no version in force on " + firstDay));
        return new SettlementRequest(contractId, contract.version(), period,
                Currency.getInstance(definition.currency()), definition.hospitals(), definition.vendor(), baseline,
                definition.terms(), qualityScore,
                encounters != null ? encounters : sources.encounters(definition.hospitals(), period),
                definition.settlementParties(sources.sharedWithOtherInsurers(contractId, definition, period)));
    }

    /**
     * How the month's encounters are priced and summed. Both give the same result and fingerprint.
     * SET_BASED: summed by SQL from the encounter facts, already priced by the facts processor (for
     * large months); IN_MEMORY: every encounter line read and priced by the engine.
     */
    public enum Pricing {
        SET_BASED, IN_MEMORY
    }

    /** A settlement, the period revision it is recorded as, and the prior-period adjustments it carries. */
    public record Settled(SettlementResult result, int revision, boolean newRevision,
                          List<PriorPeriodAdjustment> adjustments) {
    }

    /** Settling cannot start: the reason names what is missing. */
    public static class SettlementRefused extends RuntimeException {
        public SettlementRefused(String message) {
            super(message);
        }
    }
}
