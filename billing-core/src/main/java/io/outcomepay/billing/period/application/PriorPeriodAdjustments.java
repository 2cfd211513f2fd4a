package io.outcomepay.billing.period.application;

import io.outcomepay.billing.ledger.Obligation;
import io.outcomepay.billing.ledger.Obligations;
import io.outcomepay.billing.period.api.PriorPeriodAdjustment;
import io.outcomepay.billing.settlement.SettlementResult;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The prior-period adjustments the month after a contract's last closed month carries. For each
 * closed month Q, oldest first:
 * <pre>
 * settled(Q)   = the obligations of Q's closed revision + the deltas for Q carried by closed months
 * resettled(Q) = the obligations of Q settled again now, with the facts known now
 * delta(Q)     = resettled(Q) - settled(Q), per pair of parties (zero pairs left out)
 * </pre>
 * A month whose delta is empty carries nothing (its fingerprint may still have changed, e.g. by an
 * excluded encounter, without moving money).
 */
public final class PriorPeriodAdjustments {

    private PriorPeriodAdjustments() {
    }

    public static List<PriorPeriodAdjustment> of(List<PeriodRecord> months, Function<PeriodRecord, SettlementResult> resettle) {
        List<PriorPeriodAdjustment> adjustments = new ArrayList<>();
        for (PeriodRecord closed : months) {
            if (closed.closed() == null) {
                continue;
            }
            List<List<Obligation>> settled = new ArrayList<>();
            settled.add(closed.obligations());
            BigDecimal settledSavings = closed.latest().result().total().savings();
            for (PeriodRecord carrier : months) {
                if (carrier.closed() == null) {
                    continue;
                }
                for (PriorPeriodAdjustment carried : carrier.latest().adjustments()) {
                    if (carried.correctedPeriod().equals(closed.period().toString())) {
                        settled.add(carried.delta());
                        settledSavings = carried.resettledSavings();
                    }
                }
            }
            List<Obligation> before = Obligations.sum(settled);
            SettlementResult now = resettle.apply(closed);
            List<Obligation> after = Obligations.of(now, closed.latest().insurer());
            List<Obligation> delta = Obligations.delta(before, after);
            if (!delta.isEmpty()) {
                adjustments.add(new PriorPeriodAdjustment(closed.period().toString(), closed.revision(),
                        closed.latest().result().fingerprint(), now.fingerprint(), settledSavings, now.total().savings(),
                        before, after, delta));
            }
        }
        return List.copyOf(adjustments);
    }
}
