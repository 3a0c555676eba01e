-- Reporting: what the V001 report/report_version tables lack.

-- An addendum is a new signed version (status 'amended') whose text is the addendum; the original
-- sections are carried over unchanged so that every version reads as a whole report.
ALTER TABLE report_version ADD COLUMN addendum TEXT NOT NULL DEFAULT '';
-- The hash of the version before it (empty for version 1): removing or reordering a version breaks the chain.
ALTER TABLE report_version ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
-- The signer's name as it was at signing: the PDF and FHIR output never depend on a later rename.
ALTER TABLE report_version ADD COLUMN signer_name TEXT NOT NULL DEFAULT '';

-- Templates imported from a file (IHE MRRT HTML5, kept as imported). The built-in ones ship in the jar.
CREATE TABLE report_template (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    source_name TEXT NOT NULL,
    html        TEXT NOT NULL,
    imported_by TEXT REFERENCES app_user(id),
    imported_at INTEGER NOT NULL
);

-- Macros: a trigger typed in the editor (".nlcxr") expands to a stored phrase. owner_id NULL: shared.
CREATE TABLE report_macro (
    id         TEXT PRIMARY KEY,
    owner_id   TEXT REFERENCES app_user(id),
    trigger    TEXT NOT NULL,
    expansion  TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX report_macro_by_owner_trigger ON report_macro (ifnull(owner_id, ''), trigger);

INSERT INTO report_macro(id, owner_id, trigger, expansion, created_at, updated_at) VALUES
  ('macro-nlcxr', NULL, '.nlcxr', 'Heart size is normal. The lungs are clear. No pleural effusion or pneumothorax. No acute bony abnormality.', 0, 0),
  ('macro-nlct', NULL, '.nlcth', 'No intracranial haemorrhage, mass effect or midline shift. Grey-white matter differentiation is preserved. The ventricles and sulci are normal for age. The visualised paranasal sinuses and mastoid air cells are clear.', 0, 0),
  ('macro-nocomp', NULL, '.nocomp', 'None available.', 0, 0),
  ('macro-crit', NULL, '.crit', 'These critical findings were communicated directly to the referring clinician.', 0, 0);

-- A critical result and how it reached the care team (ACR Practice Parameter for Communication of
-- Diagnostic Imaging Findings: who was told, how, when, by whom). Append-only like the versions.
CREATE TABLE critical_result_notice (
    id            TEXT PRIMARY KEY,
    report_id     TEXT NOT NULL REFERENCES report(id),
    version_id    TEXT NOT NULL REFERENCES report_version(id),
    notified_whom TEXT NOT NULL,
    method        TEXT NOT NULL CHECK (method IN ('phone', 'in_person', 'secure_message', 'page')),
    notified_at   INTEGER NOT NULL,
    recorded_by   TEXT NOT NULL REFERENCES app_user(id),
    recorded_at   INTEGER NOT NULL
);
CREATE INDEX critical_result_notice_by_report ON critical_result_notice (report_id);
CREATE TRIGGER critical_result_notice_is_kept BEFORE DELETE ON critical_result_notice
BEGIN
    SELECT RAISE(ABORT, 'a critical result notice cannot be deleted');
END;
CREATE TRIGGER critical_result_notice_is_immutable BEFORE UPDATE ON critical_result_notice
BEGIN
    SELECT RAISE(ABORT, 'a critical result notice cannot be changed');
END;
