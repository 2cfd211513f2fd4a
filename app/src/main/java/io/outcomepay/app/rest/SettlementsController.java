package io.outcomepay.app.rest;

import io.outcomepay.app.config.Months;
import io.outcomepay.analytics.settlements.SettlementHistory;
import io.outcomepay.analytics.facts.GroupTotals;
import io.outcomepay.analytics.auditing.StoredStatistics;
import io.outcomepay.analytics.auditing.ComputingStatistics;
import io.outcomepay.billing.period.api.PeriodSettled;
import io.outcomepay.billing.period.application.SettlingPeriod;
import io.outcomepay.reports.settlement.SettlementCsv;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.YearMonth;
import java.util.List;

/** Settling a contract month and reading its recorded revisions. */
@RestController
@RequestMapping("/api/settlements/{contractId}/{period}")
public class SettlementsController {

    private final ComputingStatistics computing;
    private final SettlementHistory history;
    private final StoredStatistics storedStatistics;
    private final GroupTotals groupTotals;

    private final SettlingPeriod settling;

    public SettlementsController(ComputingStatistics computing, SettlementHistory history,
                                 StoredStatistics storedStatistics, GroupTotals groupTotals, SettlingPeriod settling) {
        this.settling = settling;
        this.computing = computing;
        this.history = history;
        this.storedStatistics = storedStatistics;
        this.groupTotals = groupTotals;
    }

    /**
     * Settles now (the month's calculation, as POST /api/periods/.../calculate); a new revision is
     * recorded only if anything changed. The authenticated user is its actor.
     */
    @PostMapping
    public SettlingPeriod.Settled settle(@PathVariable String contractId, @PathVariable String period,
                                         @RequestParam(required = false) BigDecimal qualityScore,
                                         @RequestParam(defaultValue = "settled over REST") String reason,
                                         Principal user) {
        return settling.settle(contractId, Months.parse("period:", period), qualityScore, SettlingPeriod.Pricing.SET_BASED,
                user.getName(), reason);
    }

    /** A recorded revision of the month as the API shows it (the event it was recorded by stays inside). */
    public record Revision(String periodId, int revision, io.outcomepay.billing.settlement.SettlementResult result,
                           String insurer, List<io.outcomepay.billing.period.api.PriorPeriodAdjustment> adjustments,
                           String actor, String reason, String previousHash) {
        static Revision of(PeriodSettled settled) {
            return new Revision(settled.periodId(), settled.revision(), settled.result(), settled.insurer(),
                    settled.adjustments(), settled.actor(), settled.reason(), settled.previousHash());
        }
    }

    /** Every recorded revision, oldest first. */
    @GetMapping
    public List<Revision> revisions(@PathVariable String contractId, @PathVariable String period) {
        List<PeriodSettled> revisions = history.revisions(contractId, Months.parse("period:", period));
        if (revisions.isEmpty()) {
            throw new ApiErrors.NotFound(contractId + " " + period + " has not been settled");
        }
        return revisions.stream().map(Revision::of).toList();
    }

    /** The latest revision as the settlement CSV (one row per hospital and a TOTAL row). */
    @GetMapping(path = "/csv", produces = "text/csv")
    public String csv(@PathVariable String contractId, @PathVariable String period) {
        List<Revision> revisions = revisions(contractId, period);
        StringWriter out = new StringWriter();
        SettlementCsv.write(revisions.get(revisions.size() - 1).result(), out);
        return out.toString();
    }

    /**
     * The auditor's statistics of the month (docs/settlement.md: Statistics for auditors); seeded, reproducible;
     * stored with the month's latest revision when that revision is the settlement they come from
     * (a POST: it stores them).
     */
    @PostMapping("/statistics")
    public ComputingStatistics.Computed statistics(@PathVariable String contractId, @PathVariable String period,
                                       @RequestParam(required = false) String referencePeriod,
                                       @RequestParam(defaultValue = "1") long seed,
                                       @RequestParam(defaultValue = "2000") int resamples) {
        YearMonth month = Months.parse("period:", period);
        return computing.compute(new ComputingStatistics.Compute(contractId, month,
                referencePeriod == null ? month.minusMonths(1) : Months.parse("referencePeriod:", referencePeriod),
                seed, resamples));
    }

    /** The statistics stored with the month's revisions, latest revision first. */
    @GetMapping("/statistics/stored")
    public List<StoredStatistics.Stored> storedStatistics(@PathVariable String contractId, @PathVariable String period) {
        return storedStatistics.of(contractId, Months.parse("period:", period));
    }

    /** The month's encounter facts per hospital and DRG/DIP group, as they stand now. */
    @GetMapping("/groups")
    public List<GroupTotals.Group> groups(@PathVariable String contractId, @PathVariable String period,
                                          @RequestParam(required = false) String hospital) {
        return groupTotals.of(contractId, Months.parse("period:", period), hospital);
    }
}
