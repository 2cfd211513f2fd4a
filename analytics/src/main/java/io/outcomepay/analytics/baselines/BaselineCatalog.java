package io.outcomepay.analytics.baselines;

import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import org.springframework.jdbc.core.JdbcTemplate;

import io.outcomepay.billing.baseline.api.BaselineKind;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** What baseline tables are published: the DRG codes any of them knows, and their versions. */
public class BaselineCatalog {

    private final JdbcTemplate jdbc;
    private final ReadModelCatchUp catchUp;
    private final java.util.Map<BaselineKind, Codes> codes = new java.util.concurrent.ConcurrentHashMap<>();

    public BaselineCatalog(JdbcTemplate jdbc, ReadModelCatchUp catchUp) {
        this.jdbc = jdbc;
        this.catchUp = catchUp;
    }

    /** The DRG codes of every published table, after the baselines read model caught up. */
    public Set<String> knownDrgCodes() {
        catchUp.await(BaselineProjection.GROUP);
        return projectedCodes(BaselineKind.DRG_RELATIVE_WEIGHT);
    }

    /** Each code's weight in the latest version of a DRG table, by code, after the baselines read model caught up. */
    public SortedMap<String, BigDecimal> latestWeights(String tableId) {
        catchUp.await(BaselineProjection.GROUP);
        SortedMap<String, BigDecimal> weights = new TreeMap<>();
        jdbc.query("""
                select code, weight from baseline_entry_view
                where table_id = ? and version = (select max(version) from baseline_table_view where table_id = ?)""",
                rs -> {
                    weights.put(rs.getString(1), rs.getBigDecimal(2));
                }, tableId, tableId);
        return weights;
    }

    public Set<String> knownDipGroups() {
        catchUp.await(BaselineProjection.GROUP);
        return projectedCodes(BaselineKind.DIP_SCORE);
    }

    /**
     * The codes the baselines read model holds now, without waiting for it: for a stream of
     * messages, where waiting for each would wait for the claims of the previous one.
     */
    public Set<String> projectedCodes(BaselineKind kind) {
        // Table versions are only ever added: the same versions hold the same codes.
        String versions = jdbc.queryForObject(
                "select coalesce(string_agg(table_id || ':' || version, ',' order by table_id, version), '') "
                        + "from baseline_table_view where kind = ?",
                String.class, kind.name());
        Codes cached = codes.get(kind);
        if (cached != null && cached.versions().equals(versions)) {
            return cached.codes();
        }
        Set<String> found = Set.copyOf(jdbc.queryForList("""
                select distinct e.code from baseline_entry_view e
                join baseline_table_view t on t.table_id = e.table_id and t.version = e.version
                where t.kind = ?""", String.class, kind.name()));
        codes.put(kind, new Codes(versions, found));
        return found;
    }

    private record Codes(String versions, Set<String> codes) {
    }

    public List<TableVersion> tables() {
        catchUp.await();
        return jdbc.query("""
                select table_id, version, kind, effective_from, source, content_sha256, entries
                from baseline_table_view order by table_id, version""",
                (rs, i) -> new TableVersion(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getDate(4).toLocalDate().toString(), rs.getString(5), rs.getString(6), rs.getInt(7)));
    }

    public record TableVersion(String tableId, int version, String kind, String effectiveFrom, String source,
                               String contentSha256, int entries) {
    }
}
