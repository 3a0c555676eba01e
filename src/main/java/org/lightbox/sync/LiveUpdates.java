package org.lightbox.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.lightbox.store.Database;

/**
 * Real-time worklist updates while online: one LiveQuery subscription for the session in use, opened
 * after a successful cycle (again if the socket dropped or the session changed), closed as soon as the
 * sync stops working.
 */
final class LiveUpdates {
    private final Database database;
    private final ObjectMapper json;
    private final Object lock = new Object();
    private LiveWorklist live;

    LiveUpdates(Database database, ObjectMapper json) {
        this.database = database;
        this.json = json;
    }

    void openFor(CentralSession session, Supplier<CentralStoreClient> client, Consumer<StatAlert> onChange, Runnable onSubscribed) {
        synchronized (lock) {
            if (live == null || !live.isOpenFor(session)) {
                if (live != null) {
                    live.close();
                }
                live = new LiveWorklist(client.get(), session, database, json, onChange, onSubscribed);
                live.open();
            }
        }
    }

    void close() {
        synchronized (lock) {
            if (live != null) {
                live.close();
                live = null;
            }
        }
    }
}
