package io.outcomepay.app.deadletters;

import io.outcomepay.app.support.UseCases;
import io.outcomepay.claims.application.ReplayingDeadLetters;
import io.outcomepay.app.support.ClaimsFile;
import io.outcomepay.app.support.IntegrationTest;
import io.outcomepay.billing.baseline.api.BaselineCommands.PublishBaselineTable;
import io.outcomepay.billing.baseline.api.BaselineEntry;
import io.outcomepay.billing.baseline.api.BaselineKind;
import io.outcomepay.claims.intake.DeadLetter;
import io.outcomepay.claims.intake.DeadLetters;
import io.outcomepay.claims.intake.IngestingClaims;
import io.outcomepay.claims.intake.Pseudonymizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ReplayingDeadLettersTest extends IntegrationTest {

    @Autowired
    UseCases operations;
    @Autowired
    ReplayingDeadLetters replaying;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    Pseudonymizer pseudonymizer;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @Test
    void lettersRefusedForAMissingBaselineOrAMissingOriginalLandWhenReplayedAfterTheFixAndOnlyOnce() {
        Path early = ClaimsFile.claims()
                .row("RP-1", "HRP", "997", "8000.00")
                .row("RP-2R", "HRP", "193", "7000.00", "claim_frequency=replacement", "original_claim_id=RP-2")
                .row("RP-3", "HRP", "193", "8000.00")
                .writeTo(dir, "replay-early.csv");
        operations.ingestCsv(early, IngestingClaims.Listener.silent());
        List<DeadLetter> open = deadLetters.list("replay-early.csv", DeadLetter.OPEN, 10);
        assertThat(open).extracting(DeadLetter::line, DeadLetter::field, DeadLetter::replayable)
                .containsExactly(tuple(2L, "drg", true), tuple(3L, "original_claim_id", true));
        List<Long> ids = open.stream().map(DeadLetter::id).toList();

        // Nothing fixed yet: both are refused again and stay open, with the attempt counted.
        assertThat(replaying.replay(ids)).extracting(ReplayingDeadLetters.Replayed::result)
                .containsExactly("refused again", "refused again");
        assertThat(deadLetters.list("replay-early.csv", DeadLetter.OPEN, 10)).extracting(DeadLetter::attempts)
                .containsExactly(1, 1);

        // The fixes: a baseline that knows DRG 997, and the original claim of the replacement.
        operations.publishBaseline(new PublishBaselineTable("REPLAY-TEST", BaselineKind.DRG_RELATIVE_WEIGHT,
                LocalDate.of(2025, 10, 1), "test", List.of(new BaselineEntry("997", new BigDecimal("1.2000"), "test"))));
        operations.ingestCsv(ClaimsFile.claims().row("RP-2", "HRP", "193", "8000.00").writeTo(dir, "replay-late.csv"),
                IngestingClaims.Listener.silent());
        List<ReplayingDeadLetters.Replayed> replayed = replaying.replay(ids);
        long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);

        assertThat(replayed).extracting(ReplayingDeadLetters.Replayed::result, ReplayingDeadLetters.Replayed::detail)
                .containsExactly(tuple("replayed", "recorded"), tuple("replayed", "corrected"));
        assertThat(jdbc.queryForObject("""
                select patient_pseudonym from encounter_view where hospital_id = 'HRP' and original_claim_id = 'RP-1'""",
                String.class)).isEqualTo(pseudonymizer.pseudonym("MRN-RAW-RP-1"));
        assertThat(jdbc.queryForObject("""
                select current_claim_id from encounter_view where hospital_id = 'HRP' and original_claim_id = 'RP-2'""",
                String.class)).isEqualTo("RP-2R");
        assertThat(deadLetters.list("replay-early.csv", DeadLetter.REPLAYED, 10)).hasSize(2);
        assertThat(deadLetters.list("replay-early.csv", DeadLetter.OPEN, 10)).isEmpty();
        // Replayed letters are not replayed again, and nothing new was recorded by trying.
        assertThatThrownBy(() -> replaying.replay(ids)).hasMessageContaining("no open dead letter");
        operations.ingestCsv(early, IngestingClaims.Listener.silent());
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class)).isEqualTo(events);
    }

    @Test
    void anX12ClaimThatCannotBeReadIsListedAsNotReplayable() {
        Path file = Path.of("../../shared/data/claims/x12-837I-5010-imsweb-x223-test.txt");
        operations.ingestCsv(file, IngestingClaims.Listener.silent());
        DeadLetter letter = deadLetters.list(file.getFileName().toString(), DeadLetter.OPEN, 10).get(0);

        assertThat(letter.replayable()).isFalse();
        assertThat(replaying.replay(List.of(letter.id()))).extracting(ReplayingDeadLetters.Replayed::result)
                .containsExactly("not replayable");
        assertThat(letter.toString()).contains("not replayable: send the corrected file again");
    }
}
