package org.lightbox.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lightbox.domain.Ids;
import org.lightbox.sync.testing.CentralStoreExtension;
import org.lightbox.sync.testing.CentralStoreServer;
import org.lightbox.sync.testing.CentralStoreServer.Answer;

/**
 * The central store's own rules, proven with raw REST calls as any client could send them: a client
 * that skips the workstation's checks is still refused by the server. Class-level permissions answer
 * 119 "Permission denied"; the cloud-code rules answer 119 too, with a sentence saying which rule.
 */
@ExtendWith(CentralStoreExtension.class)
class CentralStoreRulesTest {
    private static final String PASSWORD = "correct horse battery";
    private CentralStoreServer store;
    private String suffix;

    @BeforeEach
    void serverRunning(CentralStoreServer store) {
        this.store = store;
        store.startServer();
        suffix = Ids.newId().substring(0, 8).toLowerCase();
    }

    @Test
    void aUserMayRecordAnAuditEventButNeverChangeOrDeleteIt() {
        String token = session("tech", "technologist");
        String id = Ids.newId();
        Answer created = as(token, "POST", "/classes/AuditEvent", auditEvent(id));
        assertThat(created.status()).isEqualTo(201);

        Answer changed = as(token, "PUT", "/classes/AuditEvent/" + id, json().put("action", "nothing.happened"));
        Answer deleted = as(token, "DELETE", "/classes/AuditEvent/" + id, null);

        assertThat(changed.status()).isEqualTo(400);
        assertThat(changed.code()).isEqualTo(119);
        assertThat(deleted.status()).isEqualTo(400);
        assertThat(deleted.code()).isEqualTo(119);
        assertThat(store.master("GET", "/classes/AuditEvent/" + id, null).path("action").asText()).isEqualTo("request.created");
    }

    @Test
    void evenTheMasterKeyCannotRewriteAnAuditEvent() {
        String id = Ids.newId();
        as(session("tech", "technologist"), "POST", "/classes/AuditEvent", auditEvent(id));

        Answer changed = store.call("PUT", "/classes/AuditEvent/" + id, json().put("action", "x"),
                Map.of("X-Parse-Master-Key", masterKeyOf()));

        assertThat(changed.code()).isEqualTo(119);
        assertThat(changed.body().path("error").asText()).contains("append-only");
    }

    @Test
    void onlyAdministratorsReadAuditEvents() {
        String id = Ids.newId();
        as(session("tech", "technologist"), "POST", "/classes/AuditEvent", auditEvent(id));

        Answer byRadiologist = as(session("rad", "radiologist"), "GET", "/classes/AuditEvent/" + id, null);
        Answer listByRadiologist = as(session("rad2", "radiologist"), "GET", "/classes/AuditEvent", null);
        Answer byAdmin = as(session("adm", "admin"), "GET", "/classes/AuditEvent/" + id, null);

        assertThat(byRadiologist.code()).isEqualTo(119);
        assertThat(listByRadiologist.code()).isEqualTo(119);
        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(byAdmin.body().path("objectId").asText()).isEqualTo(id);
    }

    @Test
    void onlyTheAssignedRadiologistEditsADraft() {
        String authorToken = session("author", "radiologist");
        String authorId = userId(authorToken);
        String id = Ids.newId();
        assertThat(as(authorToken, "POST", "/classes/Report", report(id, authorId, "draft")).status()).isEqualTo(201);

        Answer byColleague = as(session("colleague", "radiologist"), "PUT", "/classes/Report/" + id,
                json().put("findings", "Rewritten by someone else"));
        Answer byAuthor = as(authorToken, "PUT", "/classes/Report/" + id, json().put("findings", "No acute findings."));

        assertThat(byColleague.status()).isEqualTo(400);
        assertThat(byColleague.code()).isEqualTo(119);
        assertThat(byColleague.body().path("error").asText()).contains("assigned radiologist");
        assertThat(byAuthor.status()).isEqualTo(200);
    }

    @Test
    void joiningTheRadiologistRoleGivesAProfileWithTheWorkstationsDefaults() {
        String token = session("newcomer", "radiologist");

        JsonNode profile = profileOf(userId(token));

        assertThat(profile.path("active").asBoolean()).isTrue();
        assertThat(profile.path("maySignAlone").asBoolean()).isTrue();
        assertThat(profile.path("subspecialties").isArray()).isTrue();
        Answer changedByThemselves = as(token, "PUT", "/classes/RadiologistProfile/" + profile.path("objectId").asText(),
                json().put("maySignAlone", true));
        assertThat(changedByThemselves.code()).isEqualTo(119);
    }

    @Test
    void onlyTheReportsReviewerOrAnAdministratorFinalizesAPreliminaryReport() {
        String authorToken = session("resident", "radiologist");
        mayNotSignAlone(userId(authorToken));
        String reviewerToken = session("attending", "radiologist");
        String id = Ids.newId();
        as(authorToken, "POST", "/classes/Report", report(id, userId(authorToken), "draft"));
        Answer submitted = as(authorToken, "PUT", "/classes/Report/" + id,
                json().put("status", "in_review").put("reviewerId", userId(reviewerToken)));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);

        Answer byAuthor = as(authorToken, "PUT", "/classes/Report/" + id, json().put("status", "final"));
        Answer byColleague = as(session("colleague", "radiologist"), "PUT", "/classes/Report/" + id, json().put("status", "final"));
        Answer editedByAuthor = as(authorToken, "PUT", "/classes/Report/" + id, json().put("findings", "Changed in review"));
        Answer byReviewer = as(reviewerToken, "PUT", "/classes/Report/" + id,
                json().put("status", "final").put("impression", "Normal CT head."));

        assertThat(byAuthor.code()).isEqualTo(119);
        assertThat(byAuthor.body().path("error").asText()).contains("Only the report's reviewer, an administrator");
        assertThat(byColleague.code()).isEqualTo(119);
        assertThat(editedByAuthor.code()).isEqualTo(119);
        assertThat(byReviewer.status()).as(byReviewer.toString()).isEqualTo(200);
        assertThat(store.master("GET", "/classes/Report/" + id, null).path("status").asText()).isEqualTo("final");
    }

    @Test
    void aRadiologistWhoMayNotSignAloneHandsTheDraftToARealReviewer() {
        String authorToken = session("resident", "radiologist");
        String authorId = userId(authorToken);
        mayNotSignAlone(authorId);
        String otherResident = userId(session("resident2", "radiologist"));
        mayNotSignAlone(otherResident);
        String id = Ids.newId();
        as(authorToken, "POST", "/classes/Report", report(id, authorId, "draft"));

        Answer signedAlone = as(authorToken, "PUT", "/classes/Report/" + id, json().put("status", "final"));
        Answer toThemselves = as(authorToken, "PUT", "/classes/Report/" + id,
                json().put("status", "in_review").put("reviewerId", authorId));
        Answer toAnotherResident = as(authorToken, "PUT", "/classes/Report/" + id,
                json().put("status", "in_review").put("reviewerId", otherResident));
        Answer toNobody = as(authorToken, "PUT", "/classes/Report/" + id, json().put("status", "in_review"));

        assertThat(signedAlone.code()).isEqualTo(119);
        assertThat(toThemselves.code()).isEqualTo(119);
        assertThat(toThemselves.body().path("error").asText()).contains("reviewer");
        assertThat(toAnotherResident.code()).isEqualTo(119);
        assertThat(toNobody.code()).isEqualTo(119);
        assertThat(store.master("GET", "/classes/Report/" + id, null).path("status").asText()).isEqualTo("draft");
    }

    @Test
    void aRadiologistAllowedToSignAloneFinalizesOwnDraftButNotAColleagues() {
        String authorToken = session("solo", "radiologist");
        String authorId = userId(authorToken);
        String own = Ids.newId();
        String colleagues = Ids.newId();
        as(authorToken, "POST", "/classes/Report", report(own, authorId, "draft"));
        String colleagueToken = session("colleague", "radiologist");
        as(colleagueToken, "POST", "/classes/Report", report(colleagues, userId(colleagueToken), "draft"));

        Answer ownSigned = as(authorToken, "PUT", "/classes/Report/" + own, json().put("status", "final"));
        Answer colleaguesSigned = as(authorToken, "PUT", "/classes/Report/" + colleagues, json().put("status", "final"));

        assertThat(ownSigned.status()).isEqualTo(200);
        assertThat(colleaguesSigned.code()).isEqualTo(119);
    }

    @Test
    void aDeactivatedRadiologistNeitherWritesNorSigns() {
        String token = session("leaving", "radiologist");
        String id = Ids.newId();
        as(token, "POST", "/classes/Report", report(id, userId(token), "draft"));
        store.master("PUT", "/classes/RadiologistProfile/" + profileOf(userId(token)).path("objectId").asText(),
                json().put("active", false));

        Answer signed = as(token, "PUT", "/classes/Report/" + id, json().put("status", "final"));
        Answer another = as(token, "POST", "/classes/Report", report(Ids.newId(), userId(token), "draft"));

        assertThat(signed.code()).isEqualTo(119);
        assertThat(another.code()).isEqualTo(119);
    }

    @Test
    void aDraftPassesOnlyToTheRadiologistTheStudyIsNowAssignedTo() {
        String authorToken = session("author", "radiologist");
        String authorId = userId(authorToken);
        String newAssigneeToken = session("assignee", "radiologist");
        String newAssignee = userId(newAssigneeToken);
        String bystanderToken = session("bystander", "radiologist");
        String requestId = Ids.newId();
        store.master("POST", "/classes/ImagingRequest", json().put("objectId", requestId).put("accessionNumber", "R" + suffix));
        ObjectNode item = json().put("objectId", Ids.newId()).put("assigneeId", newAssignee);
        item.set("request", pointer("ImagingRequest", requestId));
        store.master("POST", "/classes/WorklistItem", item);
        String id = Ids.newId();
        ObjectNode draft = report(id, authorId, "draft");
        draft.set("request", pointer("ImagingRequest", requestId));
        as(authorToken, "POST", "/classes/Report", draft);

        Answer handedByAuthor = as(authorToken, "PUT", "/classes/Report/" + id, json().put("authorId", userId(bystanderToken)));
        Answer takenByBystander = as(bystanderToken, "PUT", "/classes/Report/" + id, json().put("authorId", userId(bystanderToken)));
        Answer takenByAssignee = as(newAssigneeToken, "PUT", "/classes/Report/" + id, json().put("authorId", newAssignee));

        assertThat(handedByAuthor.code()).isEqualTo(119);
        assertThat(handedByAuthor.body().path("error").asText()).contains("hand a report to another radiologist");
        assertThat(takenByBystander.code()).isEqualTo(119);
        assertThat(takenByAssignee.status()).as(takenByAssignee.toString()).isEqualTo(200);
        assertThat(store.master("GET", "/classes/Report/" + id, null).path("authorId").asText()).isEqualTo(newAssignee);
    }

    @Test
    void aFinalReportCannotBeModifiedOrDeletedEvenByAnAdministrator() {
        String adminToken = session("adm", "admin");
        String authorToken = session("author", "radiologist");
        String id = Ids.newId();
        as(authorToken, "POST", "/classes/Report", report(id, userId(authorToken), "draft"));
        assertThat(as(adminToken, "PUT", "/classes/Report/" + id, json().put("status", "final")).status()).isEqualTo(200);

        Answer edited = as(adminToken, "PUT", "/classes/Report/" + id, json().put("impression", "Changed after signing"));
        Answer reopened = as(authorToken, "PUT", "/classes/Report/" + id, json().put("status", "draft"));
        Answer deleted = as(adminToken, "DELETE", "/classes/Report/" + id, null);

        assertThat(edited.code()).isEqualTo(119);
        assertThat(edited.body().path("error").asText()).contains("final report cannot be modified");
        assertThat(reopened.code()).isEqualTo(119);
        assertThat(deleted.code()).isEqualTo(119);
        assertThat(deleted.body().path("error").asText()).contains("final report cannot be deleted");
        assertThat(store.master("GET", "/classes/Report/" + id, null).path("status").asText()).isEqualTo("final");
    }

    @Test
    void aRepeatedCreateWithTheSameIdAnswersDuplicateValue() {
        String token = session("tech", "technologist");
        String id = Ids.newId();
        as(token, "POST", "/classes/AuditEvent", auditEvent(id));

        Answer again = as(token, "POST", "/classes/AuditEvent", auditEvent(id));

        assertThat(again.code()).isEqualTo(137);
    }

    @Test
    void nobodySignsUpWithoutAnAdministrator() {
        Answer signUp = store.call("POST", "/users", json().put("username", "intruder" + suffix).put("password", PASSWORD), Map.of());
        Answer byColleague = as(session("tech", "technologist"), "POST", "/users",
                json().put("username", "friend" + suffix).put("password", PASSWORD));

        assertThat(signUp.status()).isEqualTo(400);
        assertThat(signUp.code()).isEqualTo(119);
        assertThat(byColleague.code()).isEqualTo(119);
        assertThat(store.count("_User", "{\"username\":{\"$in\":[\"intruder" + suffix + "\",\"friend" + suffix + "\"]}}")).isZero();
    }

    @Test
    void nobodyRecordsAnAuditEventWithoutASession() {
        String id = Ids.newId();

        Answer anonymous = store.call("POST", "/classes/AuditEvent", auditEvent(id), Map.of());

        // Parse answers a class-level "requires authentication" refusal as 404/101 "Permission denied".
        assertThat(anonymous.status()).isEqualTo(404);
        assertThat(anonymous.code()).isEqualTo(101);
        assertThat(anonymous.body().path("error").asText()).isEqualTo("Permission denied");
        assertThat(store.count("AuditEvent", "{\"objectId\":\"" + id + "\"}")).isZero();
    }

    @Test
    void aSignedReportVersionCannotBeChangedOrDeletedEvenWithTheMasterKey() {
        String token = session("author", "radiologist");
        String id = Ids.newId();
        Answer created = as(token, "POST", "/classes/ReportVersion", json().put("objectId", id).put("version", 1)
                .put("status", "final").put("impression", "Normal CT head.").put("contentHash", "a".repeat(64)));
        assertThat(created.status()).isEqualTo(201);

        Answer changed = as(token, "PUT", "/classes/ReportVersion/" + id, json().put("impression", "Rewritten"));
        Answer deleted = as(session("adm", "admin"), "DELETE", "/classes/ReportVersion/" + id, null);
        Answer changedByMaster = store.call("PUT", "/classes/ReportVersion/" + id, json().put("impression", "Rewritten"),
                Map.of("X-Parse-Master-Key", masterKeyOf()));
        Answer deletedByMaster = store.call("DELETE", "/classes/ReportVersion/" + id, null,
                Map.of("X-Parse-Master-Key", masterKeyOf()));

        assertThat(changed.code()).isEqualTo(119);
        assertThat(deleted.code()).isEqualTo(119);
        assertThat(changedByMaster.code()).isEqualTo(119);
        assertThat(changedByMaster.body().path("error").asText()).contains("signed report version cannot be changed");
        assertThat(deletedByMaster.code()).isEqualTo(119);
        assertThat(store.master("GET", "/classes/ReportVersion/" + id, null).path("impression").asText()).isEqualTo("Normal CT head.");
    }

    @Test
    void onlyAnAdministratorCreatesOrChangesARadiologistProfile() {
        String token = session("rad", "radiologist");
        ObjectNode profile = json().put("maySignAlone", true).put("active", true);
        profile.set("user", pointer("_User", userId(token)));

        Answer created = as(token, "POST", "/classes/RadiologistProfile", profile);

        assertThat(created.code()).isEqualTo(119);
    }

    @Test
    void aReferringPhysicianChangesNoRequestWorklistItemOrStudy() {
        String requestId = Ids.newId();
        String itemId = Ids.newId();
        String studyId = Ids.newId();
        store.master("POST", "/classes/ImagingRequest", json().put("objectId", requestId).put("accessionNumber", "F" + suffix)
                .put("status", "released").put("priority", "routine"));
        ObjectNode item = json().put("objectId", itemId).put("status", "released");
        item.set("request", pointer("ImagingRequest", requestId));
        store.master("POST", "/classes/WorklistItem", item);
        store.master("POST", "/classes/DicomStudy", json().put("objectId", studyId).put("studyInstanceUid", "1.2.3." + suffix.length()));
        String referrer = session("referrer", "referring_physician");

        List<Answer> refused = List.of(
                as(referrer, "PUT", "/classes/ImagingRequest/" + requestId, json().put("priority", "stat")),
                as(referrer, "PUT", "/classes/WorklistItem/" + itemId, json().put("assigneeId", userId(referrer))),
                as(referrer, "PUT", "/classes/DicomStudy/" + studyId, json().put("bodyPart", "CHEST")),
                as(referrer, "POST", "/classes/ImagingRequest", json().put("accessionNumber", "G" + suffix)));
        Answer readable = as(referrer, "GET", "/classes/ImagingRequest/" + requestId, null);
        Answer byScheduler = as(session("sched", "scheduler"), "PUT", "/classes/ImagingRequest/" + requestId,
                json().put("description", "CT head"));

        assertThat(refused).allSatisfy(a -> assertThat(a.code()).as(a.toString()).isEqualTo(119));
        assertThat(store.master("GET", "/classes/ImagingRequest/" + requestId, null).path("priority").asText()).isEqualTo("routine");
        assertThat(store.master("GET", "/classes/WorklistItem/" + itemId, null).has("assigneeId")).isFalse();
        assertThat(readable.status()).isEqualTo(200);
        assertThat(byScheduler.status()).isEqualTo(200);
    }

    private String session(String name, String... roles) {
        String username = name + suffix;
        store.createUser(username, PASSWORD, roles);
        return store.login(username, PASSWORD);
    }

    private JsonNode profileOf(String userId) {
        return store.master("GET", "/classes/RadiologistProfile?where=" + CentralStoreServer.encode(
                "{\"user\":{\"__type\":\"Pointer\",\"className\":\"_User\",\"objectId\":\"" + userId + "\"}}"), null)
                .path("results").get(0);
    }

    /** As an administrator sets it for a resident: their reports go through review. */
    private void mayNotSignAlone(String userId) {
        store.master("PUT", "/classes/RadiologistProfile/" + profileOf(userId).path("objectId").asText(),
                json().put("maySignAlone", false));
    }

    private String userId(String token) {
        return as(token, "GET", "/users/me", null).body().path("objectId").asText();
    }

    private Answer as(String token, String method, String path, ObjectNode body) {
        return store.call(method, path, body, Map.of("X-Parse-Session-Token", token));
    }

    private ObjectNode auditEvent(String id) {
        return json().put("objectId", id).put("workstation", "ws-rules-" + suffix).put("sequence", 1).put("action", "request.created")
                .put("prevHash", "0".repeat(64)).put("chainHash", "f".repeat(64));
    }

    private ObjectNode report(String id, String authorId, String status) {
        return json().put("objectId", id).put("authorId", authorId).put("status", status).put("findings", "Draft findings");
    }

    private ObjectNode pointer(String className, String objectId) {
        return json().put("__type", "Pointer").put("className", className).put("objectId", objectId);
    }

    private ObjectNode json() {
        return store.json().createObjectNode();
    }

    private String masterKeyOf() {
        return store.masterKey();
    }
}
