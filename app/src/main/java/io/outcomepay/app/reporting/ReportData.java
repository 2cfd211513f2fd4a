package io.outcomepay.app.reporting;

import io.outcomepay.analytics.auditing.ComputingStatistics;
import io.outcomepay.analytics.auditing.StoredStatistics;
import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import io.outcomepay.analytics.contracts.ContractCatalog;
import io.outcomepay.analytics.settlements.SettlementHistory;
import io.outcomepay.analytics.settlements.VendorRevenue;
import io.outcomepay.analytics.statistics.PeriodStatistics;
import io.outcomepay.analytics.statistics.SavingsStatistics;
import io.outcomepay.billing.contract.api.ContractDefinition;
import io.outcomepay.billing.period.api.PeriodSettled;
import io.outcomepay.billing.settlement.SettlementResult;
import io.outcomepay.reports.api.AuditInput;
import io.outcomepay.reports.api.AuditStatistics;
import io.outcomepay.reports.api.GroupTotal;
import io.outcomepay.reports.api.LineRow;
import io.outcomepay.reports.api.StatementInput;
import io.outcomepay.reports.api.VendorInput;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import io.outcomepay.analytics.facts.FactState;

/**
 * The data of the reports, from the read models: a contract month's latest settled revision (refused
 * when the data changed after it: settle again first), its encounter facts, its stored statistics,
 * the vendor's revenue. The encounter lines of an audit pack are a stream over a database cursor:
 * render it inside a transaction.
 */
public class ReportData {

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final SettlementHistory history;
    private final ContractCatalog contracts;
    private final StoredStatistics storedStatistics;
    private final io.outcomepay.billing.period.application.SettlingPeriod settling;
    private final io.outcomepay.analytics.auditing.ComputingStatistics computing;
    private final VendorRevenue vendorRevenue;
    private final ReadModelCatchUp catchUp;
    private final io.outcomepay.billing.period.application.PeriodRecords periods;

    public ReportData(JdbcTemplate jdbc, SettlementHistory history, ContractCatalog contracts,
                      StoredStatistics storedStatistics, io.outcomepay.billing.period.application.SettlingPeriod settling,
                      io.outcomepay.analytics.auditing.ComputingStatistics computing, VendorRevenue vendorRevenue,
                      ReadModelCatchUp catchUp, io.outcomepay.billing.period.application.PeriodRecords periods) {
        this.periods = periods;
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(2000);
        this.history = history;
        this.contracts = contracts;
        this.storedStatistics = storedStatistics;
        this.settling = settling;
        this.computing = computing;
        this.vendorRevenue = vendorRevenue;
        this.catchUp = catchUp;
    }

    /** A contract month's latest settled revision, the contract version it used, checked against the data now. */
    /**
     * @param changedSinceClose a closed month whose data changed since its close (the change is carried
     *                          into later months as prior-period adjustments)
     */
    public record SettledMonth(int revision, SettlementResult result, ContractDefinition contract,
                               io.outcomepay.billing.period.application.PeriodRecord record, boolean changedSinceClose) {

        public List<String> hospitals() {
            return result.hospitals().stream().map(SettlementResult.Row::hospitalId).toList();
        }
    }

    public SettledMonth settledMonth(String contractId, YearMonth period) {
        catchUp.await();
        List<PeriodSettled> revisions = history.revisions(contractId, period);
        if (revisions.isEmpty()) {
            throw new IllegalArgumentException("period: " + contractId + " " + period
                    + " has no settlement yet (run `settle --contract " + contractId + " --period " + period + "`)");
        }
        PeriodSettled latest = revisions.get(revisions.size() - 1);
        SettlementResult result = latest.result();
        io.outcomepay.billing.period.application.PeriodRecord record = periods.period(contractId, period).orElseThrow();
        String now = settling.calculate(contractId, period, result.qualityScore()).fingerprint();
        // a closed month reports its closed revision: later changes are carried into later months as adjustments
        boolean changedSinceClose = record.closed() != null && !now.equals(result.fingerprint());
        if (record.closed() == null && !now.equals(result.fingerprint())) {
            throw new IllegalArgumentException("period: the data of " + contractId + " " + period + " changed after revision "
                    + latest.revision() + " was settled (fingerprint " + result.fingerprint() + ", now " + now
                    + "): settle again before reporting");
        }
        ContractDefinition contract = contracts.versions(contractId).stream()
                .filter(v -> v.version() == result.contractVersion()).findFirst().orElseThrow().definition();
        return new SettledMonth(latest.revision(), result, contract, record, changedSinceClose);
    }

    public StatementInput statement(SettledMonth month, String hospitalId) {
        return statements(month, List.of(hospitalId)).get(0);
    }

    /**
     * The statements of these hospitals of the month, in their order: each hospital's groups and
     * corrected encounters, read for the whole month at once (two queries, not two per hospital).
     */
    public List<StatementInput> statements(SettledMonth month, List<String> hospitalIds) {
        for (String hospitalId : hospitalIds) {
            if (!month.hospitals().contains(hospitalId)) {
                throw new IllegalArgumentException("hospital: " + hospitalId + " is not in the settlement of "
                        + month.result().contractId() + " " + month.result().period() + " (hospitals: "
                        + String.join(", ", month.hospitals()) + ")");
            }
        }
        String contractId = month.result().contractId();
        String period = month.result().period();
        int scale = scale(month.result().currency());
        String[] hospitals = hospitalIds.toArray(String[]::new);
        Map<String, List<GroupTotal>> groups = new HashMap<>();
        jdbc.query("""
                select hospital_id, coalesce(drg, dip_group) as group_code, count(*),
                       coalesce(sum(baseline), 0), coalesce(sum(actual), 0)
                from encounter_fact where month_id = (select month_id from encounter_fact_month where contract_id = ? and period = ?)
                  and %s and hospital_id = any (?)
                group by hospital_id, group_code order by hospital_id, group_code""".formatted(FactState.INCLUDED.sql()),
                rs -> {
                    groups.computeIfAbsent(rs.getString(1), h -> new ArrayList<>()).add(new GroupTotal(rs.getString(2),
                            rs.getInt(3), rs.getBigDecimal(4).setScale(scale), rs.getBigDecimal(5).setScale(scale)));
                }, contractId, period, hospitals);
        Map<String, List<LineRow>> corrections = new HashMap<>();
        RowMapper<LineRow> line = line(scale);
        jdbc.query(LINES + " and hospital_id = any (?) and correction_count > 0 order by hospital_id, encounter_id",
                rs -> {
                    corrections.computeIfAbsent(rs.getString(3), h -> new ArrayList<>()).add(line.mapRow(rs, 0));
                }, contractId, period, hospitals);
        return hospitalIds.stream().map(h -> new StatementInput(month.revision(), month.result(), month.contract(), h,
                groups.getOrDefault(h, List.of()), corrections.getOrDefault(h, List.of()),
                month.record().latest().adjustments(), month.record().status().name().toLowerCase(java.util.Locale.ROOT),
                month.record().closed() == null ? null : month.record().closed().chainHead(), month.changedSinceClose())).toList();
    }

    public AuditInput audit(SettledMonth month) {
        SettlementResult result = month.result();
        int scale = scale(result.currency());
        YearMonth period = YearMonth.parse(result.period());
        AuditStatistics statistics = null;
        String unavailable = null;
        try {
            statistics = statistics(month, period, scale);
        } catch (IllegalArgumentException e) {
            unavailable = e.getMessage();
        }
        List<LineRow> outliers = jdbc.query(LINES + " and " + FactState.EXCLUDED.sql() + " order by hospital_id, encounter_id", line(scale),
                result.contractId(), result.period());
        return new AuditInput(month.revision(), result, month.contract(), statistics, unavailable, outliers,
                month.changedSinceClose(),
                () -> streaming.queryForStream(LINES + " order by hospital_id, encounter_id", line(scale),
                        result.contractId(), result.period()));
    }

    /** The statistics stored with this revision, else computed now (and stored) as `stats` does by default. */
    private AuditStatistics statistics(SettledMonth month, YearMonth period, int scale) {
        PeriodStatistics stats = storedStatistics.of(month.result().contractId(), period).stream()
                .filter(s -> s.revision() == month.revision() && s.fingerprint().equals(month.result().fingerprint()))
                .map(StoredStatistics.Stored::statistics).findFirst()
                .orElseGet(() -> computing.compute(new io.outcomepay.analytics.auditing.ComputingStatistics.Compute(
                        month.result().contractId(), period, period.minusMonths(1), ComputingStatistics.AUDIT_SEED, ComputingStatistics.AUDIT_RESAMPLES)).statistics());
        SavingsStatistics.SavingsRate rate = stats.savingsRate();
        SavingsStatistics.AiEffect ai = stats.aiEffect();
        return new AuditStatistics(rate.rate(), rate.low(), rate.high(), rate.probabilityAboveMsr(), rate.msr(),
                rate.encounters(), rate.resamples(), rate.seed(),
                ai == null ? null : ai.difference(), ai == null ? null : ai.low(), ai == null ? null : ai.high(),
                ai == null ? 0 : ai.strata(), stats.aiEffectUnavailable(), stats.referencePeriod().toString(),
                stats.caseMixDrift().stream().map(d -> new AuditStatistics.Drift(d.hospitalId(), d.referenceCmi(),
                        d.currentCmi(), d.cmiChange(), d.costChange(), d.flagged())).toList(),
                stats.topGroups().stream().map(g -> new AuditStatistics.TopGroup(g.group(), g.encounters(),
                        BigDecimal.valueOf(g.savingsMinor(), scale))).toList());
    }

    public VendorInput vendor(String vendorId, YearMonth from, YearMonth to) {
        catchUp.await();
        VendorRevenue.Report revenue = vendorRevenue.revenue(vendorId, from, to);
        Map<String, int[]> counts = new HashMap<>();
        Map<String, BigDecimal> paid = new HashMap<>();
        revenue.lines().stream().map(l -> l.contractId() + "|" + l.period()).distinct().forEach(month -> {
            String[] key = month.split("\\|");
            jdbc.query("""
                    select hospital_id, count(*) filter (where %1$s), count(*) filter (where %1$s and paid_amount is not null),
                           coalesce(sum(paid_amount) filter (where %1$s), 0)
                    from encounter_fact where contract_id = ? and period = ? group by hospital_id"""
                    .formatted(FactState.IN_THE_MONTH), rs -> {
                String at = month + "|" + rs.getString(1);
                counts.put(at, new int[]{rs.getInt(2), rs.getInt(3)});
                paid.put(at, rs.getBigDecimal(4));
            }, key[0], key[1]);
        });
        List<VendorInput.Line> lines = new ArrayList<>();
        for (VendorRevenue.Line l : revenue.lines()) {
            String at = l.contractId() + "|" + l.period() + "|" + l.hospitalId();
            int[] c = counts.getOrDefault(at, new int[2]);
            lines.add(new VendorInput.Line(l.contractId(), l.hospitalId(), l.period(), l.currency(), l.revision(), c[0],
                    l.amount(), c[1], paid.getOrDefault(at, BigDecimal.ZERO).setScale(scale(l.currency())), c[0] - c[1],
                    l.fingerprint()));
        }
        return new VendorInput(vendorId, from.toString(), to.toString(), lines);
    }

    private static final String LINES = """
            select encounter_id::text, claim_id, hospital_id, patient_pseudonym, coalesce(drg, dip_group), weight, baseline,
                   actual, status, adjustment, correction_count, ai_vendor
            from encounter_fact where month_id = (select month_id from encounter_fact_month where contract_id = ? and period = ?)""";

    private static RowMapper<LineRow> line(int scale) {
        return (rs, i) -> {
            BigDecimal baseline = rs.getBigDecimal(7);
            BigDecimal actual = rs.getBigDecimal(8);
            List<String> flags = new ArrayList<>();
            if (rs.getString(10) != null) {
                flags.add(rs.getString(10));
            }
            if (rs.getInt(11) > 0) {
                flags.add("corrected x" + rs.getInt(11));
            }
            if (rs.getString(12) != null) {
                // the vendor whose AI the encounter counts for (a usage event or a listed service named it)
                flags.add("ai_vendor " + rs.getString(12));
            }
            return new LineRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getBigDecimal(6), baseline == null ? null : baseline.setScale(scale),
                    actual == null ? null : actual.setScale(scale), rs.getString(9), String.join(", ", flags));
        };
    }

    private static int scale(String currency) {
        return Currency.getInstance(currency).getDefaultFractionDigits();
    }

}
