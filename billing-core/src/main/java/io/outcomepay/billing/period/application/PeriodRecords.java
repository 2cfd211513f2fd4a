package io.outcomepay.billing.period.application;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** The months of a contract as their events leave them, read from the event store. */
public interface PeriodRecords {

    /** Every month of the contract that has been calculated, oldest first. */
    List<PeriodRecord> periods(String contractId);

    default Optional<PeriodRecord> period(String contractId, YearMonth period) {
        return periods(contractId).stream().filter(p -> p.period().equals(period)).findFirst();
    }
}
