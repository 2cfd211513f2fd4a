package io.outcomepay.analytics.encounters;

import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Encounters as the read model holds them (latest correction, voided or not), filtered and paged,
 * ordered by discharge date then encounter id. AI-assisted means: the claim said so, or a vendor's
 * usage event names the encounter.
 */
public class EncounterQueries {

    public static final int MAX_PAGE_SIZE = 1000;

    private final JdbcTemplate jdbc;
    private final ReadModelCatchUp catchUp;

    public EncounterQueries(JdbcTemplate jdbc, ReadModelCatchUp catchUp) {
        this.jdbc = jdbc;
        this.catchUp = catchUp;
    }

    /** Each criterion is optional (null): hospital, discharge date range (inclusive), AI-assisted, voided. */
    public record Filter(String hospitalId, LocalDate dischargedFrom, LocalDate dischargedTo, Boolean aiAssisted,
                         Boolean voided) {
    }

    public record EncounterRow(String encounterId, String hospitalId, String originalClaimId, String currentClaimId,
                               String patientPseudonym, LocalDate admitDate, LocalDate dischargeDate, String drg,
                               String dipGroup, BigDecimal allowedAmount, String currency, BigDecimal payerAllowed,
                               BigDecimal payerPaid, boolean denied, boolean aiAssisted, boolean voided,
                               int correctionCount) {
    }

    public record Page(List<EncounterRow> items, int page, int size, long total) {
    }

    /** One hospital's month (by discharge date), per currency: what arrived and what the payer said. */
    public record HospitalMonth(String hospitalId, String period, String currency, long encounters, long voided,
                                long aiAssisted, long denied, BigDecimal allowedTotal, long remitted,
                                BigDecimal payerAllowedTotal, BigDecimal payerPaidTotal) {
    }

    public List<HospitalMonth> hospitalMonth(String hospitalId, java.time.YearMonth period) {
        catchUp.await();
        return jdbc.query("""
                select currency, count(*), count(*) filter (where voided),
                       count(*) filter (where not voided and (ai_assisted or exists
                           (select 1 from ai_usage_view u where u.encounter_id = e.encounter_id))),
                       count(*) filter (where not voided and denied),
                       coalesce(sum(allowed_amount) filter (where not voided), 0),
                       count(*) filter (where not voided and payer_allowed is not null),
                       coalesce(sum(payer_allowed) filter (where not voided), 0),
                       coalesce(sum(payer_paid) filter (where not voided), 0)
                from encounter_view e where hospital_id = ? and discharge_date >= ? and discharge_date <= ?
                group by currency order by currency""",
                (rs, i) -> new HospitalMonth(hospitalId, period.toString(), rs.getString(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getBigDecimal(6), rs.getLong(7), rs.getBigDecimal(8),
                        rs.getBigDecimal(9)),
                hospitalId, Date.valueOf(period.atDay(1)), Date.valueOf(period.atEndOfMonth()));
    }

    public Page page(Filter filter, int page, int size) {
        io.outcomepay.billing.limits.Counts.PAGE.check("page", page);
        io.outcomepay.billing.limits.Counts.PAGE_SIZE.check("size", size);
        if (filter.dischargedFrom() != null && filter.dischargedTo() != null
                && filter.dischargedTo().isBefore(filter.dischargedFrom())) {
            throw new IllegalArgumentException("to: " + filter.dischargedTo() + " is before from " + filter.dischargedFrom());
        }
        catchUp.await();
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (filter.hospitalId() != null) {
            where.add("hospital_id = ?");
            args.add(filter.hospitalId());
        }
        if (filter.dischargedFrom() != null) {
            where.add("discharge_date >= ?");
            args.add(Date.valueOf(filter.dischargedFrom()));
        }
        if (filter.dischargedTo() != null) {
            where.add("discharge_date <= ?");
            args.add(Date.valueOf(filter.dischargedTo()));
        }
        if (filter.aiAssisted() != null) {
            where.add("ai = ?");
            args.add(filter.aiAssisted());
        }
        if (filter.voided() != null) {
            where.add("voided = ?");
            args.add(filter.voided());
        }
        String from = """
                from (select e.*, e.ai_assisted or exists (select 1 from ai_usage_view u where u.encounter_id = e.encounter_id)
                      as ai from encounter_view e) v""" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
        Long total = jdbc.queryForObject("select count(*) " + from, Long.class, args.toArray());
        List<Object> paged = new ArrayList<>(args);
        paged.add(size);
        paged.add((long) page * size);
        List<EncounterRow> items = jdbc.query("""
                select encounter_id, hospital_id, original_claim_id, current_claim_id, patient_pseudonym, admit_date,
                       discharge_date, drg, dip_group, allowed_amount, currency, payer_allowed, payer_paid, denied, ai, voided,
                       correction_count
                """ + from + " order by discharge_date, encounter_id limit ? offset ?",
                (rs, i) -> new EncounterRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getDate(6).toLocalDate(), rs.getDate(7).toLocalDate(),
                        rs.getString(8) == null ? null : rs.getString(8).strip(), rs.getString(9), rs.getBigDecimal(10),
                        rs.getString(11), rs.getBigDecimal(12), rs.getBigDecimal(13), rs.getBoolean(14), rs.getBoolean(15),
                        rs.getBoolean(16), rs.getInt(17)),
                paged.toArray());
        return new Page(items, page, size, total == null ? 0 : total);
    }
}
