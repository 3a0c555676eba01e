-- The Settings dialog deactivates instead of deleting: requests and reports keep pointing at what they named.
ALTER TABLE imaging_center ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
ALTER TABLE report_template ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
