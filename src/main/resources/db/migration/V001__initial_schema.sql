-- Lightbox local store. Instants are UTC epoch milliseconds (INTEGER, *_at); dates are ISO text.
-- Names follow the central store's classes (Back4app radiology template).

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE app_user (
    id             TEXT PRIMARY KEY,
    username       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name   TEXT NOT NULL,
    password_hash  TEXT NOT NULL,
    active         INTEGER NOT NULL DEFAULT 1,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);

CREATE TABLE user_role (
    user_id TEXT NOT NULL REFERENCES app_user(id),
    role    TEXT NOT NULL CHECK (role IN ('admin', 'scheduler', 'technologist', 'radiologist', 'referring_physician')),
    PRIMARY KEY (user_id, role)
);

CREATE TABLE radiologist_profile (
    user_id        TEXT PRIMARY KEY REFERENCES app_user(id),
    subspecialties TEXT NOT NULL DEFAULT '',
    may_sign_alone INTEGER NOT NULL DEFAULT 1,
    active         INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE imaging_center (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

-- A modality here is a device or room (scheduled modality); its type is the DICOM modality code.
CREATE TABLE modality (
    id                TEXT PRIMARY KEY,
    name              TEXT NOT NULL UNIQUE,
    type              TEXT NOT NULL,
    ae_title          TEXT,
    imaging_center_id TEXT REFERENCES imaging_center(id),
    active            INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE patient (
    id          TEXT PRIMARY KEY,
    mrn         TEXT NOT NULL UNIQUE,
    family_name TEXT NOT NULL,
    given_name  TEXT NOT NULL DEFAULT '',
    birth_date  TEXT NOT NULL,
    sex         TEXT NOT NULL CHECK (sex IN ('M', 'F', 'O', 'U')),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX patient_by_name_and_birth ON patient (family_name COLLATE NOCASE, given_name COLLATE NOCASE, birth_date);

CREATE TABLE imaging_request (
    id                    TEXT PRIMARY KEY,
    accession             TEXT NOT NULL UNIQUE,
    patient_id            TEXT NOT NULL REFERENCES patient(id),
    ordering_clinician    TEXT NOT NULL,
    priority              TEXT NOT NULL CHECK (priority IN ('stat', 'urgent', 'routine')),
    requested_modality    TEXT NOT NULL,
    description           TEXT NOT NULL,
    clinical_indication   TEXT NOT NULL DEFAULT '',
    imaging_center_id     TEXT REFERENCES imaging_center(id),
    scheduled_modality_id TEXT REFERENCES modality(id),
    scheduled_at          INTEGER,
    status                TEXT NOT NULL CHECK (status IN
                              ('requested', 'scheduled', 'performed', 'in_reading', 'reported', 'released', 'cancelled')),
    likely_duplicate_of   TEXT REFERENCES imaging_request(id),
    cancel_reason         TEXT,
    ordered_at            INTEGER NOT NULL,
    performed_at          INTEGER,
    created_by            TEXT REFERENCES app_user(id),
    updated_at            INTEGER NOT NULL
);
CREATE INDEX imaging_request_by_patient ON imaging_request (patient_id, requested_modality, ordered_at);

CREATE TABLE dicom_study (
    id                  TEXT PRIMARY KEY,
    study_instance_uid  TEXT NOT NULL UNIQUE,
    request_id          TEXT REFERENCES imaging_request(id),
    patient_id          TEXT REFERENCES patient(id),
    accession           TEXT NOT NULL DEFAULT '',
    modality            TEXT NOT NULL DEFAULT '',
    body_part           TEXT NOT NULL DEFAULT '',
    description         TEXT NOT NULL DEFAULT '',
    performed_at        INTEGER,
    -- Identity as the images carry it, kept to compare with the request's patient.
    header_patient_id   TEXT NOT NULL DEFAULT '',
    header_patient_name TEXT NOT NULL DEFAULT '',
    header_birth_date   TEXT,
    header_sex          TEXT NOT NULL DEFAULT '',
    match_status        TEXT NOT NULL DEFAULT 'unmatched' CHECK (match_status IN ('matched', 'unmatched')),
    unmatched_reason    TEXT,
    series_count        INTEGER NOT NULL DEFAULT 0,
    instance_count      INTEGER NOT NULL DEFAULT 0,
    storage_path        TEXT NOT NULL,
    received_at         INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
);
CREATE INDEX dicom_study_by_request ON dicom_study (request_id);
CREATE INDEX dicom_study_by_patient ON dicom_study (patient_id);

CREATE TABLE dicom_series (
    id                  TEXT PRIMARY KEY,
    series_instance_uid TEXT NOT NULL UNIQUE,
    study_id            TEXT NOT NULL REFERENCES dicom_study(id),
    modality            TEXT NOT NULL DEFAULT '',
    series_number       INTEGER,
    description         TEXT NOT NULL DEFAULT '',
    body_part           TEXT NOT NULL DEFAULT '',
    instance_count      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX dicom_series_by_study ON dicom_series (study_id);

CREATE TABLE dicom_instance (
    sop_instance_uid TEXT PRIMARY KEY,
    series_id        TEXT NOT NULL REFERENCES dicom_series(id),
    sop_class_uid    TEXT NOT NULL,
    instance_number  INTEGER,
    transfer_syntax  TEXT NOT NULL,
    rows             INTEGER,
    columns          INTEGER,
    frames           INTEGER NOT NULL DEFAULT 1,
    pixel_spacing    TEXT,
    slice_location   REAL,
    file_path        TEXT NOT NULL,
    file_size        INTEGER NOT NULL
);
CREATE INDEX dicom_instance_by_series ON dicom_instance (series_id, instance_number);

CREATE TABLE worklist_item (
    id              TEXT PRIMARY KEY,
    request_id      TEXT NOT NULL UNIQUE REFERENCES imaging_request(id),
    assignee_id     TEXT REFERENCES app_user(id),
    queue           TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL,
    due_at          INTEGER NOT NULL,
    lock_holder_id  TEXT REFERENCES app_user(id),
    lock_expires_at INTEGER,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX worklist_item_by_due ON worklist_item (due_at);

-- The report being written: mutable until signed. Signed states live in report_version.
CREATE TABLE report (
    id                  TEXT PRIMARY KEY,
    request_id          TEXT NOT NULL UNIQUE REFERENCES imaging_request(id),
    study_id            TEXT REFERENCES dicom_study(id),
    author_id           TEXT NOT NULL REFERENCES app_user(id),
    reviewer_id         TEXT REFERENCES app_user(id),
    status              TEXT NOT NULL CHECK (status IN ('draft', 'in_review', 'final', 'amended')),
    indication          TEXT NOT NULL DEFAULT '',
    technique           TEXT NOT NULL DEFAULT '',
    comparison          TEXT NOT NULL DEFAULT '',
    findings            TEXT NOT NULL DEFAULT '',
    impression          TEXT NOT NULL DEFAULT '',
    critical            INTEGER NOT NULL DEFAULT 0,
    draft_saved_at      INTEGER,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
);

-- Every signed state: written once, never changed (the triggers refuse it; the hash shows tampering).
CREATE TABLE report_version (
    id             TEXT PRIMARY KEY,
    report_id      TEXT NOT NULL REFERENCES report(id),
    version        INTEGER NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('preliminary', 'final', 'amended')),
    indication     TEXT NOT NULL,
    technique      TEXT NOT NULL,
    comparison     TEXT NOT NULL,
    findings       TEXT NOT NULL,
    impression     TEXT NOT NULL,
    critical       TEXT,
    signed_by      TEXT NOT NULL REFERENCES app_user(id),
    signed_at      INTEGER NOT NULL,
    content_hash   TEXT NOT NULL,
    UNIQUE (report_id, version)
);
CREATE TRIGGER report_version_is_immutable BEFORE UPDATE ON report_version
BEGIN
    SELECT RAISE(ABORT, 'a signed report version cannot be changed; add an addendum');
END;
CREATE TRIGGER report_version_is_kept BEFORE DELETE ON report_version
BEGIN
    SELECT RAISE(ABORT, 'a signed report version cannot be deleted');
END;

-- Append-only, hash-chained: each event carries the hash of the one before it.
CREATE TABLE audit_event (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    id           TEXT NOT NULL UNIQUE,
    workstation  TEXT NOT NULL,
    occurred_at  INTEGER NOT NULL,
    actor_id     TEXT,
    actor_name   TEXT NOT NULL,
    action       TEXT NOT NULL,
    target_class TEXT NOT NULL,
    target_id    TEXT NOT NULL,
    details      TEXT NOT NULL,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL
);
CREATE TRIGGER audit_event_is_append_only BEFORE UPDATE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;
CREATE TRIGGER audit_event_is_kept BEFORE DELETE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit events cannot be deleted');
END;

-- Changes waiting for the central store, written in the same transaction as the change itself.
CREATE TABLE outbox (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    class_name      TEXT NOT NULL,
    object_id       TEXT NOT NULL,
    operation       TEXT NOT NULL CHECK (operation IN ('create', 'update')),
    payload         TEXT NOT NULL,
    enqueued_at     INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    last_attempt_at INTEGER
);
