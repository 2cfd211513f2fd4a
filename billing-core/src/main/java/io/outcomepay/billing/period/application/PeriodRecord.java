package io.outcomepay.billing.period.application;

import io.outcomepay.billing.ledger.Obligation;
import io.outcomepay.billing.ledger.Obligations;
import io.outcomepay.billing.period.api.PeriodApproved;
import io.outcomepay.billing.period.api.PeriodClosed;
import io.outcomepay.billing.period.api.PeriodEvent;
import io.outcomepay.billing.period.api.PeriodSettled;
import io.outcomepay.billing.period.api.PeriodStatus;

import java.time.YearMonth;
import java.util.List;

/**
 * A contract month as its events leave it: its status, its latest calculation, its approval and
 * its close (null until they happen).
 */
public record PeriodRecord(String contractId, YearMonth period, PeriodStatus status, PeriodSettled latest,
                           PeriodApproved approval, PeriodClosed closed) {

    /** Folds a month's events, oldest first. */
    public static PeriodRecord of(String contractId, YearMonth period, List<? extends PeriodEvent> events) {
        PeriodStatus status = PeriodStatus.OPEN;
        PeriodSettled latest = null;
        PeriodApproved approval = null;
        PeriodClosed closed = null;
        for (PeriodEvent event : events) {
            if (event instanceof PeriodSettled settled) {
                latest = settled;
                status = PeriodStatus.CALCULATED;
            } else if (event instanceof PeriodApproved approved) {
                approval = approved;
                status = PeriodStatus.APPROVED;
            } else if (event instanceof PeriodClosed close) {
                closed = close;
                status = PeriodStatus.CLOSED;
            }
        }
        return new PeriodRecord(contractId, period, status, latest, approval, closed);
    }

    public int revision() {
        return latest == null ? 0 : latest.revision();
    }

    /** Who owes whom under the latest calculation. */
    public List<Obligation> obligations() {
        return latest == null || latest.insurer() == null ? List.of() : Obligations.of(latest.result(), latest.insurer());
    }
}
