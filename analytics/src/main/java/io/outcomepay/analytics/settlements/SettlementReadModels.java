package io.outcomepay.analytics.settlements;

import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import io.outcomepay.analytics.facts.FactState;
import io.outcomepay.billing.contract.ContractInForce;
import io.outcomepay.billing.contract.api.ContractDefinition;
import io.outcomepay.billing.period.application.SettlementSources;
import io.outcomepay.billing.settlement.CaseBaseline;
import io.outcomepay.billing.settlement.DipBaseline;
import io.outcomepay.billing.settlement.DrgBaseline;
import io.outcomepay.billing.settlement.EncounterLine;
import io.outcomepay.billing.settlement.Fingerprint;
import io.outcomepay.billing.settlement.PricedPeriod;
import io.outcomepay.billing.settlement.SettlementRequest;
import io.outcomepay.billing.settlement.SettlementResult;
import io.outcomepay.billing.money.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import static io.outcomepay.analytics.facts.FactState.EXCLUDED;
import static io.outcomepay.analytics.facts.FactState.INCLUDED;
import static io.outcomepay.analytics.facts.FactState.NOT_ELIGIBLE;

/**
 * Settlement inputs as the read models hold them now, without waiting for them to catch up: the
 * facts processor reads them at a position it has awaited; settling reads them through
 * {@link #waitingForCatchUp}.
 */
public class SettlementReadModels implements SettlementSources {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public SettlementReadModels(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The sources settling reads: each read waits until every read model has caught up. */
    public SettlementSources waitingForCatchUp(ReadModelCatchUp catchUp) {
        return new SettlementSources() {
            @Override
            public Optional<ContractVersion> contractInForce(String contractId, LocalDate day) {
                catchUp.await();
                return SettlementReadModels.this.contractInForce(contractId, day);
            }

            @Override
            public Optional<CaseBaseline> baseline(ContractDefinition.BaselineReference reference, LocalDate day) {
                catchUp.await();
                return SettlementReadModels.this.baseline(reference, day);
            }

            @Override
            public java.util.Set<String> sharedWithOtherInsurers(String contractId, ContractDefinition definition,
                                                                 YearMonth period) {
                catchUp.await();
                return SettlementReadModels.this.sharedWithOtherInsurers(contractId, definition, period);
            }

            @Override
            public List<EncounterLine> encounters(List<String> hospitals, YearMonth period) {
                catchUp.await();
                return SettlementReadModels.this.encounters(hospitals, period);
            }

            @Override
            public PricedPeriod priced(SettlementRequest request) {
                catchUp.await();
                return SettlementReadModels.this.priced(request);
            }
        };
    }

    /** The version in force on the day ({@link ContractInForce}), of the contract's versions as projected. */
    @Override
    public Optional<SettlementSources.ContractVersion> contractInForce(String contractId, LocalDate day) {
        return ContractInForce.on(day, jdbc.query("""
                        select version, definition from contract_version_view where contract_id = ? order by version""",
                        (rs, i) -> new SettlementSources.ContractVersion(rs.getInt(1), json.readValue(rs.getString(2), ContractDefinition.class)),
                        contractId), SettlementSources.ContractVersion::definition);
    }

    @Override
    public Optional<CaseBaseline> baseline(ContractDefinition.BaselineReference reference, LocalDate day) {
        String kind = "dip".equals(reference.kind()) ? "DIP_SCORE" : "DRG_RELATIVE_WEIGHT";
        return jdbc.query("""
                        select version, content_sha256 from baseline_table_view
                        where table_id = ? and kind = ? and effective_from <= ?
                        order by version desc limit 1""",
                (rs, i) -> {
                    int version = rs.getInt(1);
                    String sha = rs.getString(2);
                    boolean dip = "dip".equals(reference.kind());
                    Map<String, BigDecimal> weights = new HashMap<>();
                    Map<String, DipBaseline.Group> groups = new HashMap<>();
                    jdbc.query("select code, weight, mean_cost from baseline_entry_view where table_id = ? and version = ?",
                            row -> {
                                if (dip) {
                                    groups.put(row.getString(1), new DipBaseline.Group(row.getBigDecimal(2), row.getBigDecimal(3)));
                                } else {
                                    weights.put(row.getString(1), row.getBigDecimal(2));
                                }
                            }, reference.table(), version);
                    return dip
                            ? (CaseBaseline) new DipBaseline(reference.table(), version, sha, reference.pointValue(),
                            reference.institutionCoefficients(), groups)
                            : new DrgBaseline(reference.table(), version, sha, reference.baseRate(), weights);
                }, reference.table(), kind, Date.valueOf(day)).stream().findFirst();
    }

    /**
     * Encounters with the evidence of AI use (the claim's flag and service, the vendors of usage
     * events naming them) and their payer; the actual cost is the payer's covered amount once a
     * remittance gave one; denied ones are left out.
     */
    @Override
    public List<EncounterLine> encounters(List<String> hospitals, YearMonth period) {
        return jdbc.query("select " + LINE_COLUMNS + """
                         from encounter_view e
                        where e.hospital_id = any (?) and e.discharge_date between ? and ? and not e.voided
                          and not e.denied""",
                ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("varchar", hospitals.toArray()));
                    ps.setDate(2, Date.valueOf(period.atDay(1)));
                    ps.setDate(3, Date.valueOf(period.atEndOfMonth()));
                },
                (rs, i) -> line(rs));
    }

    /**
     * The columns of encounter_view e an encounter line is read from (the first {@link #LINE_WIDTH}
     * of a row): its cost is the payer's covered amount once a remittance gave one; its payer the
     * claim's, else the remittance's; the evidence of AI use its claim's flag and service and the
     * vendors whose usage events name it (each contract decides from them, ContractParties).
     */
    public static final String LINE_COLUMNS = """
            e.encounter_id, e.current_claim_id, e.hospital_id, e.discharge_date, e.drg,
            coalesce(e.payer_allowed, e.allowed_amount), e.currency, e.ai_assisted, e.dip_group, e.patient_pseudonym,
            coalesce(e.payer_id, e.remitted_payer_id), e.ai_service,
            array(select distinct u.vendor from ai_usage_view u where u.encounter_id = e.encounter_id order by 1)""";

    /** How many columns {@link #LINE_COLUMNS} are. */
    public static final int LINE_WIDTH = 13;

    /** The encounter line of a row selected with {@link #LINE_COLUMNS}. */
    public static EncounterLine line(ResultSet rs) throws SQLException {
        return new EncounterLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                rs.getString(5), rs.getBigDecimal(6), rs.getString(7), rs.getBoolean(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12), List.of((String[]) rs.getArray(13).getArray()), null);
    }

    /**
     * The versions, as projected, in version order, by contract id, of this contract and of every
     * contract one of whose versions covers one of these hospitals: the only ones that can share a
     * hospital with it.
     */
    public Map<String, List<ContractDefinition>> contractVersionsCovering(String contractId,
                                                                          java.util.Collection<String> hospitals) {
        Map<String, List<ContractDefinition>> versions = new TreeMap<>();
        jdbc.query("""
                        select contract_id, definition from contract_version_view
                        where contract_id = ? or contract_id in (select contract_id from contract_version_view
                            where exists (select 1 from jsonb_array_elements_text(definition::jsonb -> 'hospitals') h
                                          where h = any (?)))
                        order by contract_id, version""",
                rs -> {
                    versions.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(json.readValue(rs.getString(2), ContractDefinition.class));
                }, contractId, hospitals.toArray(String[]::new));
        return versions;
    }

    @Override
    public java.util.Set<String> sharedWithOtherInsurers(String contractId, ContractDefinition definition,
                                                         YearMonth period) {
        Map<String, List<ContractDefinition>> others = contractVersionsCovering(contractId, definition.hospitals());
        others.remove(contractId);
        return ContractInForce.sharedWithOtherInsurers(definition, period, others.values());
    }

    /** How many queries sum a month's hospitals at once: one per core. */
    private static final int PARALLEL_PARTS = Runtime.getRuntime().availableProcessors();
    private static final Executor PARTS = Executors.newFixedThreadPool(PARALLEL_PARTS, r -> {
        Thread t = new Thread(r, "settlement-sums");
        t.setDaemon(true);
        return t;
    });

    /** A hospital's totals and how many of its lines are not eligible. */
    private record HospitalSums(PricedPeriod.HospitalTotals totals, int notEligible) {
    }

    /**
     * Per hospital with an id in [from, to) (null: unbounded): lines, not eligible, included,
     * excluded, baseline and actual amounts, digest of its line digests in encounter id order.
     */
    private List<HospitalSums> hospitalSums(Integer monthId, String from, String to, int scale) {
        List<Object> args = new ArrayList<>();
        args.add(monthId);
        String range = "";
        if (from != null) {
            range += " and hospital_id >= ?";
            args.add(from);
        }
        if (to != null) {
            range += " and hospital_id < ?";
            args.add(to);
        }
        return jdbc.query("""
                        select hospital_id, count(*), count(*) filter (where %s), count(*) filter (where %s),
                               count(*) filter (where %s),
                               coalesce(sum(baseline_minor) filter (where %s), 0),
                               coalesce(sum(actual_minor) filter (where %s), 0),
                               sha256(string_agg(line_sha256, ''::bytea))
                        from (select hospital_id, state, baseline_minor, actual_minor, line_sha256 from encounter_fact
                              where month_id = ?""".formatted(NOT_ELIGIBLE.sql(), INCLUDED.sql(), EXCLUDED.sql(),
                        INCLUDED.sql(), INCLUDED.sql()) + range + """
                         and %s order by month_id, hospital_id, encounter_id) f
                        group by hospital_id""".formatted(FactState.IN_THE_MONTH),
                (rs, i) -> new HospitalSums(new PricedPeriod.HospitalTotals(rs.getString(1), rs.getInt(2),
                        HexFormat.of().formatHex(rs.getBytes(8)), rs.getInt(4), rs.getInt(5),
                        BigDecimal.valueOf(rs.getLong(6), scale), BigDecimal.valueOf(rs.getLong(7), scale)), rs.getInt(3)),
                args.toArray());
    }

    /**
     * The contract month summed by SQL from encounter_fact: per hospital the lines, the included
     * ones and their sums (in minor units, exact), and the SHA-256 of the lines' digests read in
     * encounter id order from the settlement index; the exclusions, the outlier adjustments and,
     * when a banded minimum rate needs it, the distinct patients. The same as pricing the lines in
     * memory ({@link io.outcomepay.billing.settlement.SettlementEngine#price}): the fingerprint shows it.
     */
    @Override
    public PricedPeriod priced(SettlementRequest request) {
        String contract = request.contractId();
        String period = request.period().toString();
        int scale = Money.scaleOf(request.currency());
        Map<String, PricedPeriod.HospitalTotals> hospitals = new TreeMap<>();
        int[] counts = new int[2];
        Integer monthId = jdbc.query("select month_id from encounter_fact_month where contract_id = ? and period = ?",
                (rs, i) -> rs.getInt(1), contract, period).stream().findFirst().orElse(null);
        // The month's facts in ranges of hospital ids, each summed by its own query on its own
        // connection (a core each); the range bounds are contract hospitals in the database's own
        // order, so every row falls in exactly one range. string_agg takes each hospital's rows in
        // the order the subquery reads them from the index.
        List<String> ordered = jdbc.queryForList("select h from unnest(?::varchar[]) h order by h", String.class,
                (Object) request.hospitals().toArray(String[]::new));
        int parts = Math.max(1, Math.min(PARALLEL_PARTS, ordered.size()));
        List<String> bounds = new ArrayList<>();
        for (int i = 1; i < parts; i++) {
            bounds.add(ordered.get(i * ordered.size() / parts));
        }
        List<CompletableFuture<List<HospitalSums>>> sums = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            String from = i == 0 ? null : bounds.get(i - 1);
            String to = i == parts - 1 ? null : bounds.get(i);
            sums.add(CompletableFuture.supplyAsync(() -> hospitalSums(monthId, from, to, scale), PARTS));
        }
        for (CompletableFuture<List<HospitalSums>> part : sums) {
            for (HospitalSums sum : part.join()) {
                counts[0] += sum.totals().lines();
                counts[1] += sum.notEligible();
                hospitals.put(sum.totals().hospitalId(), sum.totals());
            }
        }
        if (!request.hospitals().containsAll(hospitals.keySet())) {
            throw new IllegalStateException("encounter facts of " + contract + " " + period
                    + " name hospitals outside the contract: " + hospitals.keySet());
        }
        String emptyDigest = HexFormat.of().formatHex(Fingerprint.newSha256().digest());
        BigDecimal zero = BigDecimal.valueOf(0, scale);
        request.hospitals().forEach(h -> hospitals.putIfAbsent(h,
                new PricedPeriod.HospitalTotals(h, 0, emptyDigest, 0, 0, zero, zero)));
        List<SettlementResult.Exclusion> exclusions = jdbc.query("""
                        select encounter_id::text, claim_id, hospital_id, drg, status, detail from encounter_fact
                        where month_id = ? and %s""".formatted(EXCLUDED.sql()),
                (rs, i) -> new SettlementResult.Exclusion(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), SettlementResult.ExclusionReason.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)),
                        rs.getString(6)), monthId);
        Map<String, Integer> adjusted = new TreeMap<>();
        jdbc.query("""
                        select adjustment, count(*) from encounter_fact
                        where month_id = ? and adjustment is not null and %s
                        group by adjustment""".formatted(INCLUDED.sql()),
                rs -> {
                    adjusted.put(rs.getString(1), rs.getInt(2));
                }, monthId);
        int patients = !request.terms().sharedSavings().dependsOnAssigned() ? 0 : jdbc.queryForObject("""
                        select count(distinct coalesce(patient_pseudonym, encounter_id::text)) from encounter_fact
                        where month_id = ? and %s""".formatted(INCLUDED.sql()), Integer.class, monthId);
        boolean namesParties = Boolean.TRUE.equals(jdbc.queryForObject("""
                        select exists (select 1 from encounter_fact where month_id = ? and %s
                                       and (payer_id is not null or ai_vendor is not null))""".formatted(FactState.IN_THE_MONTH),
                Boolean.class, monthId));
        return new PricedPeriod(counts[0], counts[1], List.copyOf(hospitals.values()), exclusions, adjusted, patients,
                namesParties);
    }
}
