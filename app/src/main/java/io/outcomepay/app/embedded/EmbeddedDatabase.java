package io.outcomepay.app.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL server (zonky's binaries from Maven) with its data directory under the
 * OutcomePay home, kept across runs. zonky turns fsync and synchronous_commit off; money data is
 * not kept that way, so both are turned back on. Buffers 1 GB, checkpoints every 4 GB of WAL.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** @param port a fixed port, or 0 for any free one */
    public static EmbeddedDatabase start(Path home, int port) {
        Path data = home.resolve("pgdata");
        Path binaries = home.resolve("pgbin");
        try {
            Files.createDirectories(binaries);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    // The owner stops it after the application, not in a shutdown hook racing it.
                    .setRegisterShutdownHook(false)
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    // PostgreSQL's defaults (128 MB of buffers, 1 GB of WAL between checkpoints) are
                    // sized for small machines; a month of a million encounter facts and their
                    // indexes outgrow them
                    .setServerConfig("shared_buffers", "1GB")
                    .setServerConfig("max_wal_size", "4GB")
                    // No replica streams from the embedded server: with minimal WAL a table emptied and
                    // loaded in one transaction (a replay) is written once and synced at commit
                    // instead of going through the WAL as well; durability is the same
                    .setServerConfig("wal_level", "minimal")
                    .setServerConfig("max_wal_senders", "0");
            if (port > 0) {
                builder.setPort(port);
            }
            return new EmbeddedDatabase(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + data + " on port " + port
                    + " (is another OutcomePay process using it?): " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
