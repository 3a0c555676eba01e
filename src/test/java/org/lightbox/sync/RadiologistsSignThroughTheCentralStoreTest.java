package org.lightbox.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Ids;
import org.lightbox.domain.ModalityType;
import org.lightbox.domain.PermissionDeniedException;
import org.lightbox.report.Report;
import org.lightbox.report.ReportSections;
import org.lightbox.report.ReportStatus;
import org.lightbox.report.Reporting;
import org.lightbox.report.SigningRequest;
import org.lightbox.request.ImagingRequest;
import org.lightbox.store.Sql;
import org.lightbox.sync.testing.CentralStoreExtension;
import org.lightbox.sync.testing.CentralStoreServer;
import org.lightbox.sync.testing.SyncedWorkstation;

/**
 * Radiologists who are not administrators sign on a workstation, and the central store takes what they
 * signed: the workstation and the server decide by the same radiologist profiles (the server's,
 * pulled), so a report signed here is never refused there.
 */
@ExtendWith(CentralStoreExtension.class)
class RadiologistsSignThroughTheCentralStoreTest {
    private static final SigningRequest NORMAL_HEAD = new SigningRequest(new ReportSections("Headache.", "Axial CT.", "None.",
            "No intracranial haemorrhage.", "Normal CT head."), false, null, false);

    private CentralStoreServer store;
    private String suffix;

    @BeforeEach
    void serverRunning(CentralStoreServer store) {
        this.store = store;
        store.startServer();
        suffix = Ids.newId().substring(0, 8).toLowerCase();
    }

    @Test
    void aRadiologistAllowedToSignAloneSignsAndTheServerTakesTheFinalReport(@TempDir Path dir) {
        try (SyncedWorkstation ws = new SyncedWorkstation(dir, store)) {
            String solo = radiologist("solo");
            ImagingRequest request = performedAndSynced(ws);

            CentralSession session = ws.signIn(solo);
            Actor radiologist = ws.actorOf(solo);
            Reporting reporting = ws.workstation.reporting();
            Report draft = reporting.open(radiologist, request.id()).report();
            reporting.saveDraft(radiologist, draft.id(), NORMAL_HEAD.sections(), false);
            reporting.sign(radiologist, draft.id(), NORMAL_HEAD, SyncedWorkstation.PASSWORD.toCharArray());
            SyncReport synced = ws.sync().syncOnce(ws.client(), session);

            assertThat(synced.push().refused()).isZero();
            assertThat(synced.refused()).isZero();
            JsonNode onServer = store.master("GET", "/classes/Report/" + draft.id(), null);
            assertThat(onServer.path("status").asText()).isEqualTo("final");
            assertThat(onServer.path("impression").asText()).isEqualTo("Normal CT head.");
            assertThat(versionsOnServer(draft.id())).isEqualTo(1);
            assertThat(store.master("GET", "/classes/ImagingRequest/" + request.id(), null).path("status").asText())
                    .isEqualTo("reported");
            assertThat(ws.sync().conflicts().unacknowledged()).isEmpty();
        }
    }

    @Test
    void aResidentsPreliminaryReportIsFinalizedByItsReviewerAndTheServerTakesBoth(@TempDir Path dir) {
        try (SyncedWorkstation ws = new SyncedWorkstation(dir, store)) {
            String resident = radiologist("resident");
            String attending = radiologist("attending");
            mayNotSignAlone(resident);
            ImagingRequest request = performedAndSynced(ws);
            Reporting reporting = ws.workstation.reporting();

            CentralSession residentSession = ws.signIn(resident);
            Actor residentActor = ws.actorOf(resident);
            Report draft = reporting.open(residentActor, request.id()).report();
            reporting.saveDraft(residentActor, draft.id(), NORMAL_HEAD.sections(), false);
            assertThatThrownBy(() -> reporting.sign(residentActor, draft.id(), NORMAL_HEAD,
                    SyncedWorkstation.PASSWORD.toCharArray())).as("the server's profile decides here too")
                    .isInstanceOf(PermissionDeniedException.class);
            reporting.submitForReview(residentActor, draft.id(), ws.actorOf(attending).userId(), NORMAL_HEAD,
                    SyncedWorkstation.PASSWORD.toCharArray());
            SyncReport submitted = ws.sync().syncOnce(ws.client(), residentSession);
            assertThat(submitted.push().refused()).isZero();
            assertThat(store.master("GET", "/classes/Report/" + draft.id(), null).path("status").asText()).isEqualTo("in_review");

            CentralSession attendingSession = ws.signIn(attending);
            Actor attendingActor = ws.actorOf(attending);
            assertThat(reporting.open(attendingActor, request.id()).mayFinalize()).isTrue();
            Report signed = reporting.sign(attendingActor, draft.id(), NORMAL_HEAD, SyncedWorkstation.PASSWORD.toCharArray());
            SyncReport finalized = ws.sync().syncOnce(ws.client(), attendingSession);

            assertThat(signed.status()).isEqualTo(ReportStatus.FINAL);
            assertThat(finalized.push().refused()).isZero();
            assertThat(finalized.refused()).isZero();
            JsonNode onServer = store.master("GET", "/classes/Report/" + draft.id(), null);
            assertThat(onServer.path("status").asText()).isEqualTo("final");
            assertThat(onServer.path("reviewerId").asText()).isEqualTo(attendingActor.userId());
            assertThat(versionsOnServer(draft.id())).isEqualTo(2);
            assertThat(ws.sync().conflicts().unacknowledged()).isEmpty();
        }
    }

    /** A request scheduled and scanned by the workstation's administrator, on the server and on the worklist. */
    private ImagingRequest performedAndSynced(SyncedWorkstation ws) {
        CentralSession admin = ws.signIn();
        ws.sync().syncOnce(ws.client(), admin);
        ImagingRequest request = ws.request("A" + Ids.newId().substring(0, 10), "routine");
        String scanner = ws.workstation.facilities().addModality(ws.actor(), "CT-" + Ids.newId().substring(0, 6),
                ModalityType.of("CT"), null, null).id();
        ws.workstation.lifecycle().schedule(ws.actor(), request.id(), scanner, Instant.parse("2026-03-02T08:00:00Z"));
        ImagingRequest performed = ws.workstation.lifecycle().markPerformed(ws.actor(), request.id(),
                Instant.parse("2026-03-02T08:20:00Z"));
        // The images, as the reading-room tests register them: a report is signed on the study it reads.
        ws.workstation.database().update(tx -> Sql.update(tx, "INSERT INTO dicom_study(id, study_instance_uid, request_id,"
                + " patient_id, accession, modality, description, performed_at, match_status, series_count, instance_count,"
                + " storage_path, received_at, updated_at) VALUES (?, ?, ?, ?, ?, 'CT', 'CT head', ?, 'matched', 1, 24, ?, ?, ?)",
                Ids.newId(), "1.2.826.0.1.3680043.10.2." + Math.abs(request.id().hashCode()), request.id(), request.patient().id(),
                request.accession().value(), Instant.parse("2026-03-02T08:20:00Z"), "study-" + request.id(), Instant.EPOCH,
                Instant.EPOCH));
        assertThat(ws.sync().syncOnce(ws.client(), admin).push().refused()).isZero();
        return performed;
    }

    private String radiologist(String name) {
        String username = name + "-" + suffix;
        store.createUser(username, SyncedWorkstation.PASSWORD, "radiologist");
        return username;
    }

    /** On the server, as an administrator sets it there: this radiologist's reports go through review. */
    private void mayNotSignAlone(String username) {
        String userId = store.master("GET", "/users?where=" + CentralStoreServer.encode("{\"username\":\"" + username + "\"}"),
                null).path("results").get(0).path("objectId").asText();
        JsonNode profile = store.master("GET", "/classes/RadiologistProfile?where=" + CentralStoreServer.encode(
                "{\"user\":{\"__type\":\"Pointer\",\"className\":\"_User\",\"objectId\":\"" + userId + "\"}}"), null)
                .path("results").get(0);
        store.master("PUT", "/classes/RadiologistProfile/" + profile.path("objectId").asText(),
                store.json().createObjectNode().put("maySignAlone", false));
    }

    private long versionsOnServer(String reportId) {
        return store.count("ReportVersion", "{\"report\":{\"__type\":\"Pointer\",\"className\":\"Report\",\"objectId\":\""
                + reportId + "\"}}");
    }
}
