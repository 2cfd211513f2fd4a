package io.outcomepay.billing.period;

import java.time.YearMonth;

/** The id of a contract month: {@code <contract id>@<YYYY-MM>}. */
public final class SettlementPeriodId {

    private SettlementPeriodId() {
    }

    public static String of(String contractId, YearMonth period) {
        return contractId + "@" + period;
    }
}
