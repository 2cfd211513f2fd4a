package io.outcomepay.analytics.copy;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows copied into a table in PostgreSQL's COPY text format inside the caller's transaction: a
 * projection writes a batch of new rows in one COPY instead of binding every row. The rows are
 * encoded while they are sent, a chunk at a time, so PostgreSQL reads one chunk while the next is
 * encoded.
 */
public final class CopyRows {

    private static final int CHUNK = 1 << 16;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final List<Object[]> rows = new ArrayList<>();

    /** One row: null, String, BigDecimal, Boolean, Integer, Long, byte[] (bytea), or any value whose text PostgreSQL reads. */
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
        Savepoint savepoint = connection.setSavepoint();
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " ("
                + String.join(", ", columns) + ") from stdin");
        try {
            StringBuilder text = new StringBuilder(CHUNK + 4096);
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        text.append('\t');
                    }
                    append(text, row[i]);
                }
                text.append('\n');
                if (text.length() >= CHUNK) {
                    send(copy, text);
                }
            }
            send(copy, text);
            copy.endCopy();
            connection.releaseSavepoint(savepoint);
            return true;
        } catch (SQLException e) {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(savepoint);
            return false;
        }
    }

    private static void send(CopyIn copy, StringBuilder text) throws SQLException {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        text.setLength(0);
    }

    private static void append(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof String s) {
            appendEscaped(text, s);
        } else if (value instanceof BigDecimal decimal) {
            text.append(decimal.toPlainString());
        } else if (value instanceof Boolean bool) {
            text.append(bool ? 't' : 'f');
        } else if (value instanceof Integer number) {
            text.append(number.intValue());
        } else if (value instanceof Long number) {
            text.append(number.longValue());
        } else if (value instanceof byte[] bytes) {
            text.append("\\\\x");
            for (byte b : bytes) {
                text.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        } else {
            appendEscaped(text, value.toString());
        }
    }

    private static void appendEscaped(StringBuilder text, String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) != '\\' && s.charAt(i) >= ' ') {
            i++;
        }
        text.append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> text.append(c);
            }
        }
    }
}
