package io.outcomepay.billing.period.application;

import io.outcomepay.billing.VersionOutcome;
import io.outcomepay.billing.contract.api.ContractDefinition;
import io.outcomepay.billing.period.SettlementPeriodId;
import io.outcomepay.billing.period.api.SettlementPeriodCommands.RecordSettlement;
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

    private final SettlementSources sources;
    private final CommandGateway commands;

    public SettlingPeriod(SettlementSources sources, CommandGateway commands) {
        this.sources = sources;
        this.commands = commands;
    }

    public Settled settle(String contractId, YearMonth period) {
        return settle(contractId, period, null);
    }

    /** @param qualityScore 0..1 for terms with a quality gate; null when there is none */
    public Settled settle(String contractId, YearMonth period, BigDecimal qualityScore) {
        return settle(contractId, period, qualityScore, Pricing.SET_BASED);
    }

    public Settled settle(String contractId, YearMonth period, BigDecimal qualityScore, Pricing pricing) {
        SettlementResult result = calculate(contractId, period, qualityScore, pricing);
        VersionOutcome recorded = commands.sendAndWait(new RecordSettlement(SettlementPeriodId.of(contractId, period), result));
        return new Settled(result, recorded.version(), recorded.changed());
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
                encounters != null ? encounters : sources.encounters(definition.hospitals(), period));
    }

    /**
     * How the month's encounters are priced and summed. Both give the same result and fingerprint.
     * SET_BASED: summed by SQL from the encounter facts, already priced by the facts processor (for
     * large months); IN_MEMORY: every encounter line read and priced by the engine.
     */
    public enum Pricing {
        SET_BASED, IN_MEMORY
    }

    /** A settlement and the period revision it is recorded as. */
    public record Settled(SettlementResult result, int revision, boolean newRevision) {
    }

    /** Settling cannot start: the reason names what is missing. */
    public static class SettlementRefused extends RuntimeException {
        public SettlementRefused(String message) {
            super(message);
        }
    }
}
