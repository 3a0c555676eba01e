package org.lightbox.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The prepared statements of one transaction (a write, or a read on a reader connection), kept for
 * reuse until it ends. An import runs the same few statements hundreds of times per transaction (a
 * study looked up, an audit event appended, an outbox entry queued), and SQLite compiling each
 * again cost more than running it.
 * Only {@link Sql} takes from here; a statement in use is not handed out twice (a nested call with
 * the same SQL gets one of its own), and every statement is closed when the transaction ends.
 */
final class TransactionStatements {
    private static final Map<Connection, TransactionStatements> OPEN = new ConcurrentHashMap<>();

    private final Map<String, PreparedStatement> idle = new HashMap<>();
    private final List<PreparedStatement> all = new ArrayList<>();

    private TransactionStatements() {
    }

    /** Called by the one thread that holds {@code connection} for its transaction. */
    static void begin(Connection connection) {
        OPEN.put(connection, new TransactionStatements());
    }

    /** Closes the transaction's statements; before its commit or rollback, so that none is left running. */
    static void end(Connection connection) {
        TransactionStatements statements = OPEN.remove(connection);
        if (statements != null) {
            statements.all.forEach(TransactionStatements::closeQuietly);
        }
    }

    /** The statements of the transaction running on {@code connection}; null outside one. */
    static TransactionStatements on(Connection connection) {
        return OPEN.get(connection);
    }

    /** A statement for {@code sql}, reused if one is idle; to be given back with {@link #giveBack}. */
    PreparedStatement take(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = idle.remove(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            all.add(statement);
        }
        return statement;
    }

    /** A statement that ran to the end (its rows closed): reset for its next use. */
    void giveBack(String sql, PreparedStatement statement) throws SQLException {
        statement.clearParameters();
        if (idle.putIfAbsent(sql, statement) != null) {
            all.remove(statement);
            statement.close(); // a nested use of the same SQL: one idle copy is enough
        }
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // The transaction ends either way; a statement that cannot close holds nothing of it.
        }
    }
}
