package io.outcomepay.app.support;

import io.outcomepay.app.OutcomePayRuntime;
import io.outcomepay.app.embedded.EmbeddedDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** One real PostgreSQL server per test JVM, on a free port, in a temporary home. */
public final class TestDatabase {

    public static final Path HOME;
    public static final EmbeddedDatabase DATABASE;

    static {
        OutcomePayRuntime.quietAxon();
        try {
            HOME = Files.createTempDirectory("outcomepay-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DATABASE = EmbeddedDatabase.start(HOME, 0);
        java.lang.Runtime.getRuntime().addShutdownHook(new Thread(DATABASE::close));
    }

    private TestDatabase() {
    }

    /** A fresh database on the same server, for a second application that must not share tables. */
    public static String createDatabase(String name) {
        try (Connection c = DriverManager.getConnection(DATABASE.jdbcUrl(), "postgres", "")) {
            c.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return DATABASE.jdbcUrl().replace("/postgres?", "/" + name + "?");
    }
}
