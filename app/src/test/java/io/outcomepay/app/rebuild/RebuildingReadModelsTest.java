package io.outcomepay.app.rebuild;

import io.outcomepay.analytics.rebuild.RebuildingReadModels;
import io.outcomepay.analytics.rebuild.VerifyingReadModels;
import io.outcomepay.app.operations.Operations;
import io.outcomepay.app.support.ClaimsFile;
import io.outcomepay.app.support.IntegrationTest;
import io.outcomepay.claims.intake.IngestingClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RebuildingReadModelsTest extends IntegrationTest {

    @Autowired
    Operations operations;
    @Autowired
    RebuildingReadModels rebuilding;
    @Autowired
    VerifyingReadModels verifying;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @Test
    void verifyCatchesACorruptedRowAndAReplayRebuildsWhatTheLiveProjectionBuilt() {
        operations.ingestCsv(ClaimsFile.claims()
                .row("RB-1", "RB-H", "193", "8000.00").row("RB-2", "RB-H", "871", "12000.00")
                .row("RB-3", "RB-H", "193", "9000.00")
                .row("RB-1R", "RB-H", "193", "7500.00", "claim_frequency=replacement", "original_claim_id=RB-1")
                .row("RB-3V", "RB-H", "193", "9000.00", "claim_frequency=void", "original_claim_id=RB-3")
                .writeTo(dir, "rebuild.csv"), IngestingClaims.Listener.silent());
        List<Map<String, Object>> live = rows();
        assertThat(verifying.verify(n -> { }).differences()).isEmpty();

        jdbc.update("update encounter_view set allowed_amount = allowed_amount + 1 where original_claim_id = 'RB-2'");
        List<VerifyingReadModels.Difference> found = verifying.verify(n -> { }).differences();

        assertThat(found).extracting(VerifyingReadModels.Difference::what).containsExactly("encounter_view of hospital RB-H");
        assertThat(found.get(0).fromEvents()).isEqualTo("3 encounters, 1 voided, allowed 28500");
        assertThat(found.get(0).inReadModel()).isEqualTo("3 encounters, 1 voided, allowed 28501");

        RebuildingReadModels.Rebuilt rebuilt = rebuilding.rebuild(position -> { });

        assertThat(rebuilt.processors()).contains("encounters", "contracts", "baselines", "ai-usage").doesNotContain("outbound");
        assertThat(rows()).isEqualTo(live);
        assertThat(verifying.verify(n -> { }).differences()).isEmpty();
    }

    private List<Map<String, Object>> rows() {
        return jdbc.queryForList("select * from encounter_view where hospital_id = 'RB-H' order by encounter_id");
    }
}
