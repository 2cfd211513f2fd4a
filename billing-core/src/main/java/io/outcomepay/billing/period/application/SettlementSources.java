package io.outcomepay.billing.period.application;

import io.outcomepay.billing.contract.api.ContractDefinition;
import io.outcomepay.billing.settlement.CaseBaseline;
import io.outcomepay.billing.settlement.EncounterLine;
import io.outcomepay.billing.settlement.PricedPeriod;
import io.outcomepay.billing.settlement.SettlementRequest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** What settling a period reads; the read side implements it. Implementations return current data. */
public interface SettlementSources {

    /** The contract version in force on the given day. */
    Optional<ContractVersion> contractInForce(String contractId, LocalDate day);

    /** The latest version of the referenced baseline table in force on the given day, priced as the contract says. */
    Optional<CaseBaseline> baseline(ContractDefinition.BaselineReference reference, LocalDate day);

    /**
     * The contract's hospitals that a contract of another insurer also covers in the month
     * ({@link io.outcomepay.billing.contract.ContractInForce#sharedWithOtherInsurers}).
     */
    java.util.Set<String> sharedWithOtherInsurers(String contractId, ContractDefinition definition, YearMonth period);

    /** Non-voided encounters at these hospitals discharged in the month, at their latest correction. */
    List<EncounterLine> encounters(List<String> hospitals, YearMonth period);

    /**
     * The contract month's encounters priced and summed on the read side (set-based), for the
     * request's contract version, baseline and terms; the request's own encounter list is not read.
     */
    PricedPeriod priced(SettlementRequest request);

    record ContractVersion(int version, ContractDefinition definition) {
    }
}
