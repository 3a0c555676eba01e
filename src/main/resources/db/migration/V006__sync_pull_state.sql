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
