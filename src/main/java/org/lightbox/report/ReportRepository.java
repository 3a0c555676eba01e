package org.lightbox.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.lightbox.store.Sql;

/**
 * SQL for reports and their signed versions, and their form on the central store. There is
 * deliberately no statement that updates or deletes a version: the only way in is {@link #insertVersion}.
 */
final class ReportRepository {
    Optional<Report> byRequest(Connection c, String requestId) throws SQLException {
        return Sql.one(c, "SELECT * FROM report WHERE request_id = ?", ReportRepository::report, requestId);
    }

    Optional<Report> byId(Connection c, String reportId) throws SQLException {
        return Sql.one(c, "SELECT * FROM report WHERE id = ?", ReportRepository::report, reportId);
    }

    void insert(Connection c, Report r) throws SQLException {
        ReportSections s = r.sections();
        Sql.update(c, "INSERT INTO report(id, request_id, study_id, author_id, reviewer_id, status, indication, technique,"
                        + " comparison, findings, impression, critical, draft_saved_at, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(), r.requestId(), r.studyId(), r.authorId(), r.reviewerId(), r.status(), s.indication(), s.technique(),
                s.comparison(), s.findings(), s.impression(), r.critical(), r.draftSavedAt(), r.createdAt(), r.updatedAt());
    }

    void update(Connection c, Report r) throws SQLException {
        ReportSections s = r.sections();
        Sql.update(c, "UPDATE report SET study_id = ?, author_id = ?, reviewer_id = ?, status = ?, indication = ?, technique = ?,"
                        + " comparison = ?, findings = ?, impression = ?, critical = ?, draft_saved_at = ?, updated_at = ? WHERE id = ?",
                r.studyId(), r.authorId(), r.reviewerId(), r.status(), s.indication(), s.technique(), s.comparison(), s.findings(),
                s.impression(), r.critical(), r.draftSavedAt(), r.updatedAt(), r.id());
    }

    List<SignedVersion> versions(Connection c, String reportId) throws SQLException {
        return Sql.list(c, "SELECT * FROM report_version WHERE report_id = ? ORDER BY version", ReportRepository::version, reportId);
    }

    void insertVersion(Connection c, SignedVersion v) throws SQLException {
        ReportSections s = v.sections();
        Sql.update(c, "INSERT INTO report_version(id, report_id, version, status, indication, technique, comparison, findings,"
                        + " impression, critical, signed_by, signed_at, content_hash, addendum, prev_hash, signer_name)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                v.id(), v.reportId(), v.version(), v.status(), s.indication(), s.technique(), s.comparison(), s.findings(),
                s.impression(), v.criticalJson(), v.signedBy(), v.signedAt(), v.contentHash(), v.addendum(), v.prevHash(),
                v.signerName());
    }

    void insertNotice(Connection c, String id, String reportId, String versionId, CriticalResultNotice n, String recordedBy,
            Instant recordedAt) throws SQLException {
        Sql.update(c, "INSERT INTO critical_result_notice(id, report_id, version_id, notified_whom, method, notified_at,"
                        + " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                id, reportId, versionId, n.notifiedWhom().strip(), n.method(), n.notifiedAt(), recordedBy, recordedAt);
    }

    /** Whether the radiologist's profile lets them sign a final report without review. */
    boolean maySignAlone(Connection c, String userId) throws SQLException {
        return Sql.one(c, "SELECT may_sign_alone FROM radiologist_profile WHERE user_id = ? AND active = 1",
                r -> r.getInt(1) == 1, userId).orElse(false);
    }

    /** The first study attached to the request, if any. */
    Optional<String> firstStudy(Connection c, String requestId) throws SQLException {
        return Sql.one(c, "SELECT id FROM dicom_study WHERE request_id = ? ORDER BY performed_at LIMIT 1", r -> r.getString(1),
                requestId);
    }

    private static Report report(ResultSet r) throws SQLException {
        return new Report(r.getString("id"), r.getString("request_id"), r.getString("study_id"), r.getString("author_id"),
                r.getString("reviewer_id"), ReportStatus.of(r.getString("status")), sections(r), r.getInt("critical") == 1,
                Sql.instant(r, "draft_saved_at"), Sql.instant(r, "created_at"), Sql.instant(r, "updated_at"));
    }

    private static SignedVersion version(ResultSet r) throws SQLException {
        return new SignedVersion(r.getString("id"), r.getString("report_id"), r.getInt("version"),
                VersionStatus.of(r.getString("status")), sections(r), r.getString("addendum"), r.getString("critical"),
                r.getString("signed_by"), r.getString("signer_name"), Sql.instant(r, "signed_at"), r.getString("prev_hash"),
                r.getString("content_hash"));
    }

    private static ReportSections sections(ResultSet r) throws SQLException {
        return new ReportSections(r.getString("indication"), r.getString("technique"), r.getString("comparison"),
                r.getString("findings"), r.getString("impression"));
    }

    static ObjectNode payload(ObjectNode p, Report r) {
        p.putObject("request").put("__type", "Pointer").put("className", "ImagingRequest").put("objectId", r.requestId());
        if (r.studyId() != null) {
            p.putObject("study").put("__type", "Pointer").put("className", "DicomStudy").put("objectId", r.studyId());
        }
        p.put("authorId", r.authorId());
        p.put("reviewerId", r.reviewerId());
        p.put("status", r.status().code());
        ReportSections s = r.sections();
        p.put("indication", s.indication());
        p.put("technique", s.technique());
        p.put("comparison", s.comparison());
        p.put("findings", s.findings());
        p.put("impression", s.impression());
        p.put("critical", r.critical());
        return p;
    }

    static ObjectNode payload(ObjectNode p, SignedVersion v) {
        p.putObject("report").put("__type", "Pointer").put("className", Report.CLASS_NAME).put("objectId", v.reportId());
        p.put("version", v.version());
        p.put("status", v.status().code());
        ReportSections s = v.sections();
        p.put("indication", s.indication());
        p.put("technique", s.technique());
        p.put("comparison", s.comparison());
        p.put("findings", s.findings());
        p.put("impression", s.impression());
        p.put("addendum", v.addendum());
        p.put("critical", v.criticalJson());
        p.put("signedBy", v.signedBy());
        p.put("signerName", v.signerName());
        p.putObject("signedAt").put("__type", "Date").put("iso", v.signedAt().toString());
        p.put("prevHash", v.prevHash());
        p.put("contentHash", v.contentHash());
        return p;
    }
}
