-- Measurements a reader draws on images (issue 4): kept per study, in image pixel coordinates so
-- that they land on the same anatomy whatever the zoom, pan or rotation.
CREATE TABLE image_measurement (
    id                  TEXT PRIMARY KEY,
    study_instance_uid  TEXT NOT NULL,
    series_instance_uid TEXT NOT NULL,
    sop_instance_uid    TEXT NOT NULL,
    frame_number        INTEGER NOT NULL DEFAULT 1,   -- counts from 1, as DICOM does
    kind                TEXT NOT NULL CHECK (kind IN ('distance', 'ellipse')),
    points              TEXT NOT NULL,                -- x1,y1,x2,y2 in pixel columns/rows
    result              TEXT NOT NULL,                -- the value as it was shown, e.g. "42.1 mm"
    created_by          TEXT REFERENCES app_user(id),
    created_at          INTEGER NOT NULL
);
CREATE INDEX image_measurement_by_study ON image_measurement (study_instance_uid, sop_instance_uid);
