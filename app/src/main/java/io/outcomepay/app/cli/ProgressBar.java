package io.outcomepay.app.cli;

import io.outcomepay.claims.intake.IngestingClaims;
import io.outcomepay.claims.intake.Rejection;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;

/** A one-line progress bar on standard error; rejections are printed on standard output as they come. */
final class ProgressBar implements IngestingClaims.Listener {

    private static final int WIDTH = 30;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Clock clock;
    private final long started;
    private final boolean terminal = System.console() != null;
    private boolean drawn;

    ProgressBar(PrintWriter out, PrintWriter err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.started = clock.millis();
    }

    @Override
    public void rejected(Rejection rejection) {
        clearLine();
        out.println("  rejected " + rejection);
        out.flush();
    }

    @Override
    public void progress(long records, long bytesRead, long totalBytes) {
        if (!terminal) {
            return;
        }
        double fraction = totalBytes > 0 ? Math.min(1.0, (double) bytesRead / totalBytes) : 0;
        int filled = (int) Math.round(fraction * WIDTH);
        long elapsed = Math.max(1, clock.millis() - started);
        err.print(String.format(Locale.ROOT, "\r  [%s%s] %3d%% %,d records, %,d/s ", "#".repeat(filled),
                ".".repeat(WIDTH - filled), Math.round(fraction * 100), records, records * 1000 / elapsed));
        err.flush();
        drawn = true;
    }

    void done() {
        if (drawn) {
            err.println();
            err.flush();
            drawn = false;
        }
    }

    private void clearLine() {
        if (drawn) {
            err.print("\r" + " ".repeat(WIDTH + 50) + "\r");
            err.flush();
        }
    }
}
