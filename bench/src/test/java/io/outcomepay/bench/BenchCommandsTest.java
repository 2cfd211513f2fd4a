package io.outcomepay.bench;

import io.outcomepay.app.OutcomePay;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class BenchCommandsTest {

    @Test
    void theBenchmarksJoinTheCommandLineFromTheirOwnModule() {
        assertThat(help()).contains("  bench ").contains("  help ");
        assertThat(help("bench")).contains("ingest", "replay", "settle", "reports");
        assertThat(help("bench", "settle")).contains("--encounters", "--hospitals", "--repeat");
    }

    private static String help(String... command) {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            String[] args = new String[command.length + 1];
            System.arraycopy(command, 0, args, 0, command.length);
            args[command.length] = "--help";
            assertThat(OutcomePay.execute(args)).isZero();
        } finally {
            System.setOut(out);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
