package org.lightbox.sync;

import static org.lightbox.sync.ParseValues.date;
import static org.lightbox.sync.ParseValues.text;
import static org.lightbox.sync.ParseValues.textOr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.lightbox.audit.AuditEvent;
import org.lightbox.audit.PagedIterator;
import org.lightbox.audit.RemoteAuditTrail;

/** One workstation's audit events as the central store holds them, fetched in sequence order a page at a time. */
public final class CentralAuditTrail implements RemoteAuditTrail {
    private static final int PAGE = 1000;

    private final Function<CentralStoreSettings, CentralStoreClient> clients;

    public CentralAuditTrail(Function<CentralStoreSettings, CentralStoreClient> clients) {
        this.clients = clients;
    }

    @Override
    public Iterator<AuditEvent> events(RemoteAuditQuery query) {
        CentralStoreClient client = clients.apply(new CentralStoreSettings(query.server(), query.applicationId(), query.clientKey()));
        CentralSession session = client.login(query.username(), query.password());
        return events(client, session, query.workstation());
    }

    /** The chain of {@code workstation}, read with {@code session} (an administrator's: only they may read audit events). */
    public static Iterator<AuditEvent> events(CentralStoreClient client, CentralSession session, String workstation) {
        return new PagedIterator<>(after -> page(client, session, workstation, after), AuditEvent::seq);
    }

    private static List<AuditEvent> page(CentralStoreClient client, CentralSession session, String workstation, long after) {
        String where = client.json().createObjectNode().put("workstation", workstation)
                .set("sequence", client.json().createObjectNode().put("$gt", after)).toString();
        JsonNode answer = client.get("/classes/AuditEvent", session.token(),
                Map.of("where", where, "order", "sequence,objectId", "limit", Integer.toString(PAGE)));
        List<AuditEvent> events = new ArrayList<>();
        for (JsonNode e : answer.path("results")) {
            events.add(new AuditEvent(e.path("sequence").asLong(), e.path("objectId").asText(), text(e, "workstation"),
                    date(e, "occurredAt"), text(e, "actorId"), textOr(e, "actorName", ""), textOr(e, "action", ""),
                    textOr(e, "targetClass", ""), textOr(e, "targetId", ""), textOr(e, "details", ""), text(e, "prevHash"),
                    text(e, "chainHash")));
        }
        return events;
    }
}
