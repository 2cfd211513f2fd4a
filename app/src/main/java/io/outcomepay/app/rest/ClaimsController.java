package io.outcomepay.app.rest;

import io.outcomepay.app.operations.Operations;
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
    private final Operations operations;
    private final DeadLetters deadLetters;

    public ClaimsController(Operations operations, DeadLetters deadLetters) {
        this.operations = operations;
        this.deadLetters = deadLetters;
    }

    /** Ingests a claims CSV sent as the request body (text/csv); source names it in rejections. */
    @PostMapping(path = "/claims", consumes = {"text/csv", "text/plain", "application/octet-stream"})
    public IngestResponse ingest(@RequestParam String source, InputStream body) throws IOException {
        List<Rejection> listed = new ArrayList<>();
        IngestReport report = operations.ingestCsv(source, body, new IngestingClaims.Listener() {
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
        });
        return new IngestResponse(report, listed);
    }

    @GetMapping("/dead-letters")
    public List<Rejection> deadLetters(@RequestParam(required = false) String source,
                                       @RequestParam(defaultValue = "1000") int limit) {
        return deadLetters.list(source, limit);
    }

    /** The counts, and the first rejections (all of them are in the dead-letter store). */
    public record IngestResponse(IngestReport report, List<Rejection> rejections) {
    }
}
