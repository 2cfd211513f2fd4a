package io.outcomepay.analytics.copy;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.HexFormat;
import java.util.List;

/**
 * Rows in PostgreSQL's COPY text format, copied into a table inside the caller's transaction: a
 * projection writes a batch of new rows in one COPY instead of binding every row.
 */
public final class CopyRows {

    private final StringBuilder text = new StringBuilder();
    private int rows;

    /** One row: null, String, BigDecimal, Boolean, byte[] (bytea), or any value whose text PostgreSQL reads. */
    public CopyRows add(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            append(values[i]);
        }
        text.append('\n');
        rows++;
        return this;
    }

    public int size() {
        return rows;
    }

    /**
     * Copies the rows into the table. When a row meets a unique key already there, nothing of this
     * copy stays (rolled back to a savepoint) and the answer is false: the caller writes them another way.
     */
    public boolean copyInto(Connection connection, String table, List<String> columns) throws SQLException {
        if (rows == 0) {
            return true;
        }
        Savepoint savepoint = connection.setSavepoint();
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " ("
                    + String.join(", ", columns) + ") from stdin", new StringReader(text.toString()));
            connection.releaseSavepoint(savepoint);
            return true;
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(savepoint);
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy into " + table, e);
        }
    }

    private void append(Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof BigDecimal decimal) {
            text.append(decimal.toPlainString());
        } else if (value instanceof Boolean bool) {
            text.append(bool ? 't' : 'f');
        } else if (value instanceof byte[] bytes) {
            text.append("\\\\x").append(HexFormat.of().formatHex(bytes));
        } else {
            String s = value.toString();
            for (int i = 0; i < s.length(); i++) {
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
}
