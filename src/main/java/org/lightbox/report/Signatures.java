package org.lightbox.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lightbox.audit.AuditLog;
import org.lightbox.auth.Authenticator;
import org.lightbox.domain.Actor;
import org.lightbox.domain.DomainException;
import org.lightbox.domain.FormValidation;
import org.lightbox.domain.Ids;
import org.lightbox.domain.ValidationException;
import org.lightbox.store.Database;
import org.lightbox.store.Outbox;

/**
 * What a signature makes of the editor's text, for {@link Reporting}: the password asked again, the
 * text that may be signed (or every reason it may not), and the immutable version it is recorded as.
 * Who may sign what is decided by {@link Reporting}; this only signs.
 */
final class Signatures {
    private final Database database;
    private final ReportRepository repository;
    private final Authenticator authenticator;
    private final AuditLog audit;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;

    Signatures(Database database, ReportRepository repository, Authenticator authenticator, AuditLog audit, Outbox outbox,
            ObjectMapper json, Clock clock) {
        this.database = database;
        this.repository = repository;
        this.authenticator = authenticator;
        this.audit = audit;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /** Checks the password given to sign, then wipes the array: it is not kept in memory longer than this check. */
    void reauthenticate(Actor actor, String reportId, char[] password) {
        if (password == null || password.length == 0) {
            throw ValidationException.of("password", "Enter your password to sign");
        }
        try {
            authenticator.reauthenticate(actor, password);
        } catch (DomainException e) {
            database.update(tx -> audit.append(tx, actor, ReportAction.SIGNATURE_REFUSED, Report.CLASS_NAME, reportId,
                    Map.of("reason", "wrong password")));
            throw e;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** The text that will be signed, or the reasons it cannot be: the draft itself is never touched here. */
    ReportSections signableText(SigningRequest signing) {
        signing.sections().requireWithinLimits();
        ReportSections text = signing.sections().stripped();
        FormValidation form = new FormValidation();
        UnfilledFields unfilled = UnfilledFields.of(text);
        if (!unfilled.required().isEmpty()) {
            form.reject("fields", "Fill the required fields before signing: " + String.join(", ", unfilled.required()));
        } else if (unfilled.needsAcknowledgement() && !signing.leaveOutUnfilled()) {
            form.reject("fields", unfilled.describeLeftOut() + " Confirm to sign without them.");
        }
        Map<ReportSection, String> cleaned = new EnumMap<>(ReportSection.class);
        text.asMap().forEach((section, t) -> cleaned.put(section, FieldToken.withoutFields(t).strip()));
        ReportSections result = ReportSections.of(cleaned);
        if (result.impression().isBlank()) {
            form.reject("impression", "The impression is empty: write the conclusion before signing");
        }
        if (signing.critical()) {
            if (signing.notice() == null) {
                form.reject("notifiedWhom", "A critical result needs who was notified, how and when before signing");
            } else {
                signing.notice().check(clock.instant(), form);
            }
        }
        form.throwIfInvalid();
        return result;
    }

    /**
     * Records a signature as the report's next immutable version, chained to the previous one by its
     * hash, with its critical result notice (stored and audited) and its outbox entry. Nothing more is
     * signed on a report whose earlier versions fail their check.
     */
    SignedVersion record(Connection tx, Actor actor, Report report, VersionStatus status, ReportSections text,
            String addendum, SigningRequest signing) throws SQLException {
        List<SignedVersion> versions = repository.versions(tx, report.id());
        VersionCheck check = VersionCheck.of(versions);
        if (!check.isIntact()) {
            throw new DomainException("Signed version " + check.firstBrokenVersion() + " of this report fails its integrity check ("
                    + check.problem() + "): nothing more is signed on it until an administrator investigates");
        }
        String prevHash = versions.isEmpty() ? "" : versions.get(versions.size() - 1).contentHash();
        String criticalJson = signing.critical() && signing.notice() != null ? noticeJson(signing.notice()) : null;
        SignedVersion version = new SignedVersion(Ids.newId(), report.id(), versions.size() + 1, status, text, addendum,
                criticalJson, actor.userId(), actor.displayName(), clock.instant(), prevHash, "").hashed();
        repository.insertVersion(tx, version);
        outbox.enqueue(tx, SignedVersion.CLASS_NAME, version.id(), Outbox.Operation.CREATE,
                ReportRepository.payload(outbox.newPayload(), version));
        if (criticalJson != null) {
            CriticalResultNotice n = signing.notice();
            repository.insertNotice(tx, Ids.newId(), report.id(), version.id(), n, actor.userId(), clock.instant());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("version", version.version());
            details.put("notifiedWhom", n.notifiedWhom().strip());
            details.put("method", n.method().code());
            details.put("notifiedAt", n.notifiedAt().toString());
            audit.append(tx, actor, ReportAction.CRITICAL_RESULT_COMMUNICATED, Report.CLASS_NAME, report.id(), details);
        }
        return version;
    }

    private String noticeJson(CriticalResultNotice n) {
        ObjectNode node = json.createObjectNode();
        node.put("notifiedWhom", n.notifiedWhom().strip());
        node.put("method", n.method().code());
        node.put("notifiedAt", n.notifiedAt().toString());
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a critical result notice", e);
        }
    }
}
