-- What the central store last held for each object whose changes can meet another workstation's:
-- the fields of the server's version as this workstation last pulled or pushed it. A pull compares
-- the server's current version with it to tell a change made elsewhere from this workstation's own,
-- and a push sends only the fields this workstation changed since.
CREATE TABLE sync_server_state (
    class_name TEXT NOT NULL,
    object_id  TEXT NOT NULL,
    fields     TEXT NOT NULL,
    PRIMARY KEY (class_name, object_id)
);

-- An object pulled from the central store that could not be applied here (a reference not here yet, a
-- value the local schema refuses): kept with its reason, shown in the sync panel, retried every pull
-- until it applies or a newer version replaces it. The pull's cursor moves on; this table keeps it.
CREATE TABLE sync_parked (
    class_name    TEXT NOT NULL,
    object_id     TEXT NOT NULL,
    object        TEXT NOT NULL,
    reason        TEXT NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 1,
    parked_at     INTEGER NOT NULL,
    last_tried_at INTEGER NOT NULL,
    PRIMARY KEY (class_name, object_id)
);
