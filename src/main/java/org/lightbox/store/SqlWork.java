package org.lightbox.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work against one SQLite connection, run by {@link Database#read} or {@link Database#write}. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
