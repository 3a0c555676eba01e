package org.lightbox.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The local SQLite file. All writes go through one connection, one transaction at a time (SQLite
 * allows a single writer; serialising here avoids SQLITE_BUSY instead of retrying on it). Reads use a
 * small pool of their own connections, which WAL lets run beside the writer.
 */
public final class Database implements AutoCloseable {
    private static final int READERS = 4;
    private static final int BUSY_TIMEOUT_MS = 10_000;

    private final Path file;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<Connection> idleReaders = new ArrayBlockingQueue<>(READERS);
    private final List<Connection> allReaders = new ArrayList<>();
    private Connection watcher;

    private Database(Path file, Connection writer) {
        this.file = file;
        this.writer = writer;
    }

    /** Opens (creating if needed) the database file and brings its schema up to date. */
    public static Database open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Database database = new Database(file, connect(file, false));
            new Migrations(database).apply();
            return database;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // Java names only the path: say what is wrong with it.
            throw new StoreException("Cannot open the local database " + file + ": " + e.getFile()
                    + " is a file where a folder must be", e);
        } catch (SQLException | java.io.IOException e) {
            throw new StoreException("Cannot open the local database " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    private static Connection connect(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: a committed draft or signature survives a power cut, not only a process crash.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setReadOnly(readOnly);
        // Take the write lock when a transaction begins, so that a read-then-write (the audit chain's
        // last hash, a unique check) cannot interleave with another process's write to the same file.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // Straight to the driver: DriverManager would first load every JDBC driver on the class path.
        Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        connection.setAutoCommit(true);
        return connection;
    }

    /**
     * Runs {@code work} in one write transaction: committed if it returns, rolled back if it throws.
     * A write started inside another write on the same thread joins the outer transaction.
     */
    public <T> T write(SqlWork<T> work) {
        writeLock.lock();
        try {
            if (writeLock.getHoldCount() > 1) {
                return work.run(writer);
            }
            writer.setAutoCommit(false);
            TransactionStatements.begin(writer);
            try {
                T result = work.run(writer);
                TransactionStatements.end(writer);
                writer.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                TransactionStatements.end(writer);
                writer.rollback();
                throw e;
            } finally {
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Could not save to the local database: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Writes without a result. */
    public void update(SqlUpdate work) {
        write(connection -> {
            work.run(connection);
            return null;
        });
    }

    /** Runs {@code work} on a reader; inside a write on this thread it reads that write's own state. */
    public <T> T read(SqlWork<T> work) {
        if (writeLock.isHeldByCurrentThread()) {
            try {
                return work.run(writer);
            } catch (SQLException e) {
                throw new StoreException("Could not read the local database: " + e.getMessage(), e);
            }
        }
        Connection reader = borrowReader();
        TransactionStatements.begin(reader);
        try {
            return work.run(reader);
        } catch (SQLException e) {
            throw new StoreException("Could not read the local database: " + e.getMessage(), e);
        } finally {
            TransactionStatements.end(reader);
            idleReaders.add(reader);
        }
    }

    private Connection borrowReader() {
        Connection reader = idleReaders.poll();
        if (reader != null) {
            return reader;
        }
        synchronized (allReaders) {
            if (allReaders.size() < READERS) {
                try {
                    Connection fresh = connect(file, false);
                    allReaders.add(fresh);
                    return fresh;
                } catch (SQLException e) {
                    throw new StoreException("Cannot open a reader on " + file + ": " + e.getMessage(), e);
                }
            }
        }
        try {
            Connection waited = idleReaders.poll(BUSY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            if (waited == null) {
                throw new StoreException("All database readers stayed busy for " + BUSY_TIMEOUT_MS + " ms");
            }
            return waited;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting for a database reader", e);
        }
    }

    /**
     * A number that changes whenever any connection, in this process or another, commits a change to
     * the file (SQLite's data_version, read on a connection that never writes). Cheap enough to poll.
     */
    public long changeStamp() {
        synchronized (allReaders) {
            try {
                if (watcher == null) {
                    watcher = connect(file, true);
                }
                return Sql.one(watcher, "PRAGMA data_version", r -> r.getLong(1)).orElse(0L);
            } catch (SQLException e) {
                throw new StoreException("Cannot watch " + file + " for changes: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            synchronized (allReaders) {
                for (Connection reader : allReaders) {
                    closeQuietly(reader);
                }
                allReaders.clear();
                idleReaders.clear();
                if (watcher != null) {
                    closeQuietly(watcher);
                }
            }
            closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing at shutdown: nothing left to do with the error.
        }
    }

    /** A write with no result. */
    @FunctionalInterface
    public interface SqlUpdate {
        void run(Connection connection) throws SQLException;
    }
}
