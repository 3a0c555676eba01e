package org.lightbox.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lightbox.domain.Coded;

/** The few JDBC shapes the repositories need, so that each reads as its SQL and its row mapping. */
public final class Sql {
    private Sql() {
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    public static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        return run(c, sql, params, s -> {
            try (ResultSet rows = s.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        });
    }

    public static <T> Optional<T> one(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        return run(c, sql, params, s -> {
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.ofNullable(mapper.map(rows)) : Optional.empty();
            }
        });
    }

    public static long count(Connection c, String sql, Object... params) throws SQLException {
        return one(c, sql, r -> r.getLong(1), params).orElse(0L);
    }

    public static int update(Connection c, String sql, Object... params) throws SQLException {
        return run(c, sql, params, PreparedStatement::executeUpdate);
    }

    /** What runs on a prepared, bound statement. */
    @FunctionalInterface
    private interface StatementWork<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    /**
     * Inside a transaction of {@link Database} the statement comes from, and goes back to, the transaction's
     * {@link TransactionStatements}; one that failed is closed, not reused. Elsewhere it is
     * prepared for this call and closed after it.
     */
    private static <T> T run(Connection c, String sql, Object[] params, StatementWork<T> work) throws SQLException {
        TransactionStatements statements = TransactionStatements.on(c);
        if (statements == null) {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bindAll(s, params);
                return work.run(s);
            }
        }
        PreparedStatement s = statements.take(c, sql);
        T result;
        try {
            bindAll(s, params);
            result = work.run(s);
        } catch (SQLException | RuntimeException | Error e) {
            try {
                s.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        statements.giveBack(sql, s);
        return result;
    }

    private static void bindAll(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            bind(s, i + 1, params[i]);
        }
    }

    private static void bind(PreparedStatement s, int index, Object value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.NULL);
        } else if (value instanceof Instant instant) {
            s.setLong(index, instant.toEpochMilli());
        } else if (value instanceof Enum<?> e) {
            s.setString(index, e instanceof Coded coded ? coded.code() : e.name());
        } else if (value instanceof Boolean b) {
            s.setInt(index, b ? 1 : 0);
        } else {
            s.setObject(index, value);
        }
    }

    /** An instant column stored as UTC epoch milliseconds; null stays null. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
