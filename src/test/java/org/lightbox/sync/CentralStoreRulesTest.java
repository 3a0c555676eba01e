package org.lightbox.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
    void onlyAReviewerOrAnAdministratorFinalizes() {
        String authorToken = session("author", "radiologist");
        String id = Ids.newId();
        as(authorToken, "POST", "/classes/Report", report(id, userId(authorToken), "draft"));

        Answer byAuthor = as(authorToken, "PUT", "/classes/Report/" + id, json().put("status", "final"));
        Answer byReviewer = as(session("reviewer", "radiologist", "reviewer"), "PUT", "/classes/Report/" + id,
                json().put("status", "final"));

        assertThat(byAuthor.code()).isEqualTo(119);
        assertThat(byAuthor.body().path("error").asText()).contains("Only a reviewer, an administrator");
        assertThat(byReviewer.status()).isEqualTo(200);
    }

    @Test
    void aRadiologistAllowedToSignAloneFinalizesOwnDraftButNotAColleagues() {
        String authorToken = session("solo", "radiologist");
        String authorId = userId(authorToken);
        ObjectNode profile = json().put("maySignAlone", true).put("active", true);
        profile.putObject("user").put("__type", "Pointer").put("className", "_User").put("objectId", authorId);
        assertThat(store.master("POST", "/classes/RadiologistProfile", profile).path("objectId").asText()).isNotEmpty();
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

        assertThat(signUp.status()).isNotEqualTo(201);
    }

    private String session(String name, String... roles) {
        String username = name + suffix;
        store.createUser(username, PASSWORD, roles);
        return store.login(username, PASSWORD);
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

    private ObjectNode json() {
        return store.json().createObjectNode();
    }

    private String masterKeyOf() {
        return store.masterKey();
    }
}
