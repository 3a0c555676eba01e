-- Ingest: files that could not be indexed, and what ordering needs of each instance.

-- A copy of every file an import, the Storage SCP or a retrieve could not index, with the reason a
-- technologist can read. The source itself (a CD, someone's folder) is never modified.
CREATE TABLE quarantined_file (
    id             TEXT PRIMARY KEY,
    source         TEXT NOT NULL,           -- where the file came from: a path, or "AE title (C-STORE)"
    stored_path    TEXT NOT NULL,           -- the copy, relative to the data folder's quarantine/
    origin         TEXT NOT NULL CHECK (origin IN ('import', 'storage_scp', 'dicomweb', 'dimse')),
    reason_code    TEXT NOT NULL,
    reason         TEXT NOT NULL,
    file_size      INTEGER NOT NULL,
    quarantined_at INTEGER NOT NULL
);
CREATE INDEX quarantined_file_by_time ON quarantined_file (quarantined_at);

-- Image Position (Patient) "x\y\z" orders slices along their normal when Slice Location is absent.
ALTER TABLE dicom_instance ADD COLUMN image_position TEXT;

CREATE INDEX dicom_study_by_match ON dicom_study (match_status, received_at);
