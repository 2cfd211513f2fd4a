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
        SettlementResult result = calculate(contractId, period, qualityScore);
        VersionOutcome recorded = commands.sendAndWait(new RecordSettlement(SettlementPeriodId.of(contractId, period), result));
        return new Settled(result, recorded.version(), recorded.changed());
    }

    /** The settlement as it would be recorded now, without recording it. */
    public SettlementResult calculate(String contractId, YearMonth period, BigDecimal qualityScore) {
        return SettlementEngine.settle(request(contractId, period, qualityScore));
    }

    /** The cases the settlement of the period would price now, eligible or not (for statistics). */
    public List<SettlementEngine.PricedCase> pricedCases(String contractId, YearMonth period) {
        return SettlementEngine.pricedCases(request(contractId, period, null));
    }

    /** The contract's terms in force in the period (for the statistics' minimum savings rate). */
    public SettlementRequest request(String contractId, YearMonth period, BigDecimal qualityScore) {
        LocalDate firstDay = period.atDay(1);
        SettlementSources.ContractVersion contract = sources.contractInForce(contractId, firstDay)
                .orElseThrow(() -> new SettlementRefused("contract " + contractId + " is not in force on " + firstDay));
        ContractDefinition definition = contract.definition();
        CaseBaseline baseline = sources.baseline(definition.baseline(), firstDay)
                .orElseThrow(() -> new SettlementRefused("baseline table " + definition.baseline().table() + " ("
                        + definition.baseline().kind() + ") has no version in force on " + firstDay));
        SettlementRequest request = new SettlementRequest(contractId, contract.version(), period,
                Currency.getInstance(definition.currency()), definition.hospitals(), definition.vendor(), baseline,
                definition.terms(), qualityScore, sources.encounters(definition.hospitals(), period));
        return request;
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
