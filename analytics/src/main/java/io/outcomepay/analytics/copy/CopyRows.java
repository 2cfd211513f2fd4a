package io.outcomepay.analytics.copy;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rows copied into a table in PostgreSQL's binary COPY format inside the caller's transaction: a
 * projection writes a batch of new rows in one COPY instead of binding every row. Binary rows cost
 * PostgreSQL no parsing of numbers, dates or uuids. Each value is encoded as its column's type
 * (read from the catalog once per table) wants it; the rows are encoded while they are sent, a
 * chunk at a time, so PostgreSQL reads one chunk while the next is encoded.
 */
public final class CopyRows {

    private static final int CHUNK = 1 << 16;
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};
    /** 2000-01-01, PostgreSQL's day zero, in Java's epoch days. */
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    /** Column types per table, as the catalog names them (uuid, varchar, numeric...). */
    private static final Map<String, Map<String, String>> TYPES = new ConcurrentHashMap<>();

    private final List<Object[]> rows = new ArrayList<>();

    /**
     * One row: null, or a value its column's type takes: String for text, char, varchar and uuid;
     * BigDecimal for numeric; LocalDate for date; Boolean; Number for smallint, integer and bigint;
     * byte[] for bytea. Any other value goes as its text to a text column.
     */
    public CopyRows add(Object... values) {
        rows.add(values);
        return this;
    }

    public int size() {
        return rows.size();
    }

    /**
     * Copies the rows into the table. When a row meets a unique key already there, nothing of this
     * copy stays (rolled back to a savepoint) and the answer is false: the caller writes them another way.
     */
    public boolean copyInto(Connection connection, String table, List<String> columns) throws SQLException {
        if (rows.isEmpty()) {
            return true;
        }
        Copy copy = prepare(connection, table, columns);
        Savepoint savepoint = connection.setSavepoint();
        try {
            copy.send();
            connection.releaseSavepoint(savepoint);
            return true;
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(savepoint);
            return false;
        }
    }

    /**
     * The copy of these rows into the table, ready to send: the column types are read now, on this
     * thread; {@link Copy#send} may run on another one, in the same transaction (the driver makes
     * other statements on the connection wait until a COPY ends).
     */
    public Copy prepare(Connection connection, String table, List<String> columns) throws SQLException {
        return new Copy(connection.unwrap(PGConnection.class), "copy " + table + " (" + String.join(", ", columns)
                + ") from stdin with (format binary)", encoders(connection, table, columns), List.copyOf(rows),
                table, columns);
    }

    /** A COPY of rows, encoded as it is sent. */
    public static final class Copy {
        private final PGConnection connection;
        private final String sql;
        private final Encoder[] encoders;
        private final List<Object[]> rows;
        private final String table;
        private final List<String> columns;

        private Copy(PGConnection connection, String sql, Encoder[] encoders, List<Object[]> rows, String table,
                     List<String> columns) {
            this.connection = connection;
            this.sql = sql;
            this.encoders = encoders;
            this.rows = rows;
            this.table = table;
            this.columns = columns;
        }

        public int rows() {
            return rows.size();
        }

        /** Sends the rows, a chunk at a time, and waits for PostgreSQL to have them all. */
        public void send() throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            CopyIn copy = connection.getCopyAPI().copyIn(sql);
            try {
                Buffer out = new Buffer(CHUNK + 4096);
                out.bytes(HEADER);
                for (Object[] row : rows) {
                    if (row.length != encoders.length) {
                        throw new IllegalArgumentException("a row of " + row.length + " values for the "
                                + encoders.length + " columns " + columns + " of " + table);
                    }
                    out.int2(row.length);
                    for (int i = 0; i < row.length; i++) {
                        if (row[i] == null) {
                            out.int4(-1);
                        } else {
                            encoders[i].encode(row[i], out);
                        }
                    }
                    if (out.length >= CHUNK) {
                        out.sendTo(copy);
                    }
                }
                out.int2(-1);
                out.sendTo(copy);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        }
    }

    private static Encoder[] encoders(Connection connection, String table, List<String> columns) throws SQLException {
        Map<String, String> types = TYPES.get(table);
        if (types == null) {
            types = columnTypes(connection, table);
            TYPES.put(table, types);
        }
        Encoder[] encoders = new Encoder[columns.size()];
        for (int i = 0; i < encoders.length; i++) {
            String type = types.get(columns.get(i));
            if (type == null) {
                throw new IllegalArgumentException(table + " has no column " + columns.get(i));
            }
            encoders[i] = encoder(type, table + "." + columns.get(i));
        }
        return encoders;
    }

    private static Map<String, String> columnTypes(Connection connection, String table) throws SQLException {
        Map<String, String> types = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select a.attname, t.typname from pg_attribute a join pg_type t on t.oid = a.atttypid
                where a.attrelid = ?::regclass and a.attnum > 0 and not a.attisdropped""")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    types.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return types;
    }

    /** Writes one non-null value with its length. */
    private interface Encoder {
        void encode(Object value, Buffer out);
    }

    private static Encoder encoder(String type, String column) {
        return switch (type) {
            case "text", "varchar", "bpchar" -> (value, out) -> out.text(value instanceof String s ? s : value.toString());
            case "uuid" -> (value, out) -> out.uuid(value.toString(), column);
            case "numeric" -> (value, out) -> out.numeric(value instanceof BigDecimal d ? d : new BigDecimal(value.toString()));
            case "date" -> (value, out) -> {
                out.int4(4);
                out.int4(Math.toIntExact(((LocalDate) value).toEpochDay() - POSTGRES_EPOCH_DAY));
            };
            case "bool" -> (value, out) -> {
                out.int4(1);
                out.int1((Boolean) value ? 1 : 0);
            };
            case "int2" -> (value, out) -> {
                out.int4(2);
                out.int2(((Number) value).shortValue());
            };
            case "int4" -> (value, out) -> {
                out.int4(4);
                out.int4(((Number) value).intValue());
            };
            case "int8" -> (value, out) -> {
                out.int4(8);
                out.int8(((Number) value).longValue());
            };
            case "bytea" -> (value, out) -> {
                byte[] bytes = (byte[]) value;
                out.int4(bytes.length);
                out.bytes(bytes);
            };
            default -> throw new IllegalArgumentException("cannot copy into " + column + " of type " + type);
        };
    }

    /** A growing byte array, big-endian as COPY's binary format is. */
    private static final class Buffer {
        byte[] data;
        int length;

        Buffer(int capacity) {
            data = new byte[capacity];
        }

        private void ensure(int more) {
            if (length + more > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, length + more));
            }
        }

        void int1(int v) {
            ensure(1);
            data[length++] = (byte) v;
        }

        void int2(int v) {
            ensure(2);
            data[length++] = (byte) (v >>> 8);
            data[length++] = (byte) v;
        }

        void int4(int v) {
            ensure(4);
            data[length++] = (byte) (v >>> 24);
            data[length++] = (byte) (v >>> 16);
            data[length++] = (byte) (v >>> 8);
            data[length++] = (byte) v;
        }

        void int8(long v) {
            int4((int) (v >>> 32));
            int4((int) v);
        }

        void bytes(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, data, length, bytes.length);
            length += bytes.length;
        }

        void numeric(BigDecimal value) {
            ensure(4 + BinaryNumeric.maxLength(value));
            int n = BinaryNumeric.write(value, data, length + 4);
            int4(n);
            length += n;
        }

        /** Its length, then its UTF-8 bytes (ASCII written as it is). */
        void text(String s) {
            int n = s.length();
            ensure(4 + n);
            int start = length + 4;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                    int4(utf8.length);
                    bytes(utf8);
                    return;
                }
                data[start + i] = (byte) c;
            }
            int4(n);
            length += n;
        }

        /** 16 bytes from the canonical 36-character form. */
        void uuid(String s, String column) {
            if (s.length() != 36 || s.charAt(8) != '-' || s.charAt(13) != '-' || s.charAt(18) != '-' || s.charAt(23) != '-') {
                throw new IllegalArgumentException("not a uuid for " + column + ": " + s);
            }
            int4(16);
            ensure(16);
            int i = 0;
            while (i < 36) {
                if (s.charAt(i) == '-') {
                    i++;
                    continue;
                }
                data[length++] = (byte) ((hex(s.charAt(i), s, column) << 4) | hex(s.charAt(i + 1), s, column));
                i += 2;
            }
        }

        private static int hex(char c, String s, String column) {
            int v = Character.digit(c, 16);
            if (v < 0) {
                throw new IllegalArgumentException("not a uuid for " + column + ": " + s.toLowerCase(Locale.ROOT));
            }
            return v;
        }

        void sendTo(CopyIn copy) throws SQLException {
            copy.writeToCopy(data, 0, length);
            length = 0;
        }
    }
}
