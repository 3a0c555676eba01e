-- Sync with the central store (package org.lightbox.sync).

-- An outbox item the central store refused for good (validation, permission): set aside with its error,
-- shown in the sync panel, retried on request; later changes to the same object wait behind it.
ALTER TABLE outbox ADD COLUMN state TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'failed'));
CREATE INDEX outbox_by_state ON outbox (state, seq);
CREATE INDEX outbox_by_object ON outbox (class_name, object_id);

-- Accounts cached from the central store (the authority for them); 0: made on this workstation.
ALTER TABLE app_user ADD COLUMN central INTEGER NOT NULL DEFAULT 0;

-- How far each class has been pulled: the (updatedAt, objectId) of the last object applied.
CREATE TABLE sync_cursor (
    class_name TEXT PRIMARY KEY,
    updated_at TEXT NOT NULL,
    object_id  TEXT NOT NULL
);

-- Every conflict between a local change and the central store's version, with how it was settled.
-- Never deleted: the user acknowledges it.
CREATE TABLE sync_conflict (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    class_name   TEXT NOT NULL,
    object_id    TEXT NOT NULL,
    fields       TEXT NOT NULL,
    local_value  TEXT NOT NULL,
    server_value TEXT NOT NULL,
    resolution   TEXT NOT NULL,
    detected_at  INTEGER NOT NULL,
    acknowledged INTEGER NOT NULL DEFAULT 0
);
