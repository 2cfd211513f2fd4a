package io.outcomepay.app.rest;

import io.outcomepay.claims.application.IngestingClaimFile;
import io.outcomepay.claims.application.ReplayingDeadLetters;
import io.outcomepay.claims.intake.ClaimFormat;
import io.outcomepay.claims.intake.DeadLetter;
import io.outcomepay.claims.intake.DeadLetters;
import io.outcomepay.claims.intake.IngestReport;
import io.outcomepay.claims.intake.IngestingClaims;
import io.outcomepay.claims.intake.Rejection;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Claims intake over HTTP: the same rules as 'outcomepay ingest'. */
@RestController
@RequestMapping("/api")
public class ClaimsController {

    static final int MAX_LISTED_REJECTIONS = 1000;
    private final IngestingClaimFile ingesting;
    private final DeadLetters deadLetters;
    private final ReplayingDeadLetters replaying;

    public ClaimsController(IngestingClaimFile ingesting, DeadLetters deadLetters, ReplayingDeadLetters replaying) {
        this.ingesting = ingesting;
        this.deadLetters = deadLetters;
        this.replaying = replaying;
    }

    /**
     * Ingests a claims CSV sent as the request body (text/csv); source names it in rejections; payer
     * (optional) is the payer of its claims that name none.
     */
    @PostMapping(path = "/claims", consumes = {"text/csv", "text/plain", "application/octet-stream"})
    public IngestResponse ingest(@RequestParam String source, @RequestParam(required = false) String payer,
                                 InputStream body) throws IOException {
        List<Rejection> listed = new ArrayList<>();
        IngestingClaims.Listener listener = new IngestingClaims.Listener() {
            @Override
            public void rejected(Rejection rejection) {
                if (listed.size() < MAX_LISTED_REJECTIONS) {
                    listed.add(rejection);
                }
            }

            @Override
            public void progress(long records, long bytesRead, long totalBytes) {
                // No progress reporting over HTTP: the response comes when the file has landed.
            }
        };
        IngestReport report = ingesting.ingest(new IngestingClaimFile.IngestStream(ClaimFormat.CSV, source, body, 0,
                listener, true, payer));
        return new IngestResponse(report, listed);
    }

    /** Dead letters of a source (or all), open or replayed (or both). */
    @GetMapping("/dead-letters")
    public List<DeadLetter> deadLetters(@RequestParam(required = false) String source,
                                        @RequestParam(required = false) String status,
                                        @RequestParam(defaultValue = "1000") int limit) {
        if (status != null && !status.equals(DeadLetter.OPEN) && !status.equals(DeadLetter.REPLAYED)) {
            throw new IllegalArgumentException("status: must be open or replayed, was '" + status + "'");
        }
        return deadLetters.list(source, status, limit);
    }

    /** Replays open dead letters after a fix: the ids given, or all open ones. */
    @PostMapping("/dead-letters/replay")
    public List<ReplayingDeadLetters.Replayed> replay(@RequestParam(required = false) List<Long> id) {
        return replaying.replay(id == null ? List.of() : id);
    }

    /** The counts, and the first rejections (all of them are in the dead-letter store). */
    public record IngestResponse(IngestReport report, List<Rejection> rejections) {
    }
}
