package io.outcomepay.analytics.settlements;

import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import io.outcomepay.billing.contract.api.ContractDefinition;
import io.outcomepay.billing.period.application.SettlementSources;
import io.outcomepay.billing.settlement.CaseBaseline;
import io.outcomepay.billing.settlement.DipBaseline;
import io.outcomepay.billing.settlement.DrgBaseline;
import io.outcomepay.billing.settlement.EncounterLine;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Settlement inputs from the read models, read only after they have caught up with the event store. */
public class ReadModelSettlementSources implements SettlementSources {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final ReadModelCatchUp catchUp;

    public ReadModelSettlementSources(JdbcTemplate jdbc, JsonMapper json, ReadModelCatchUp catchUp) {
        this.jdbc = jdbc;
        this.json = json;
        this.catchUp = catchUp;
    }

    /** The version with the latest effective date on or before the day, if that version is still in force. */
    @Override
    public Optional<ContractVersion> contractInForce(String contractId, LocalDate day) {
        catchUp.await();
        return jdbc.query("""
                        select version, definition from contract_version_view
                        where contract_id = ? and effective_from <= ? order by version desc limit 1""",
                        (rs, i) -> new ContractVersion(rs.getInt(1), json.readValue(rs.getString(2), ContractDefinition.class)),
                        contractId, Date.valueOf(day))
                .stream().filter(v -> v.definition().inForceOn(day)).findFirst();
    }

    @Override
    public Optional<CaseBaseline> baseline(ContractDefinition.BaselineReference reference, LocalDate day) {
        catchUp.await();
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
     * An encounter is AI-assisted when its claim says so or a vendor's usage event names it; its
     * actual cost is the payer's covered amount once a remittance gave one; denied ones are left out.
     */
    @Override
    public List<EncounterLine> encounters(List<String> hospitals, YearMonth period) {
        catchUp.await();
        return jdbc.query("""
                        select e.encounter_id, e.current_claim_id, e.hospital_id, e.discharge_date, e.drg,
                               coalesce(e.payer_allowed, e.allowed_amount), e.currency,
                               e.ai_assisted or exists (select 1 from ai_usage_view u where u.encounter_id = e.encounter_id),
                               e.dip_group, e.patient_pseudonym
                        from encounter_view e
                        where e.hospital_id = any (?) and e.discharge_date between ? and ? and not e.voided
                          and not e.denied""",
                ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("varchar", hospitals.toArray()));
                    ps.setDate(2, Date.valueOf(period.atDay(1)));
                    ps.setDate(3, Date.valueOf(period.atEndOfMonth()));
                },
                (rs, i) -> new EncounterLine(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getDate(4).toLocalDate(), rs.getString(5), rs.getBigDecimal(6), rs.getString(7),
                        rs.getBoolean(8), rs.getString(9), rs.getString(10)));
    }
}
