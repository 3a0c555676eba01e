package org.lightbox.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.lightbox.store.Database;
import org.lightbox.store.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parse LiveQuery over a websocket, for real-time worklist updates while online: {@code connect} with
 * the application id and session token, {@code subscribe} to WorklistItem, then each create or update
 * triggers a pull. A worklist item this workstation has never seen whose request is STAT raises an alert.
 */
final class LiveWorklist {
    private static final Logger LOG = LoggerFactory.getLogger(LiveWorklist.class);

    private final CentralStoreClient client;
    private final CentralSession session;
    private final Database database;
    private final ObjectMapper json;
    private final Consumer<StatAlert> onChange;
    private final Runnable onSubscribed;
    private volatile WebSocket socket;
    private volatile boolean open;

    LiveWorklist(CentralStoreClient client, CentralSession session, Database database, ObjectMapper json,
            Consumer<StatAlert> onChange, Runnable onSubscribed) {
        this.client = client;
        this.onSubscribed = onSubscribed;
        this.session = session;
        this.database = database;
        this.json = json;
        this.onChange = onChange;
    }

    void open() {
        socket = client.openLiveQuery(new Frames());
        open = true;
    }

    boolean isOpenFor(CentralSession s) {
        return open && session.token().equals(s.token());
    }

    void close() {
        open = false;
        WebSocket s = socket;
        if (s != null) {
            s.close(1000, "workstation closing");
        }
    }

    private final class Frames extends WebSocketListener {
        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            ObjectNode connect = json.createObjectNode().put("op", "connect")
                    .put("applicationId", client.settings().applicationId()).put("sessionToken", session.token());
            if (client.settings().clientKey() != null) {
                connect.put("clientKey", client.settings().clientKey());
            }
            webSocket.send(connect.toString());
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            try {
                JsonNode frame = json.readTree(text);
                switch (frame.path("op").asText()) {
                    case "connected" -> webSocket.send(json.createObjectNode().put("op", "subscribe").put("requestId", 1)
                            .put("sessionToken", session.token())
                            .set("query", json.createObjectNode().put("className", "WorklistItem")
                                    .set("where", json.createObjectNode())).toString());
                    case "subscribed" -> onSubscribed.run();
                    case "create", "enter" -> onChange.accept(statAlertFor(frame.path("object")));
                    case "update", "leave", "delete" -> onChange.accept(null);
                    case "error" -> LOG.warn("LiveQuery refused: {}", frame.path("error").asText());
                    default -> { }
                }
            } catch (Exception e) {
                LOG.warn("Unreadable LiveQuery frame: {}", e.getMessage());
            }
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            open = false;
            LOG.info("LiveQuery connection lost: {}", t.getMessage());
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            open = false;
        }
    }

    /** An alert if this is a worklist item new to this workstation whose request is STAT; else null. */
    private StatAlert statAlertFor(JsonNode item) {
        String id = item.path("objectId").asText();
        boolean known = database.read(c -> Sql.count(c, "SELECT count(*) FROM worklist_item WHERE id = ?", id)) > 0;
        String requestId = item.path("request").path("objectId").asText(null);
        if (known || requestId == null) {
            return null;
        }
        JsonNode request = client.get("/classes/ImagingRequest/" + requestId, session.token(), Map.of());
        if (!"stat".equals(request.path("priority").asText())) {
            return null;
        }
        return new StatAlert(requestId, request.path("accessionNumber").asText(), request.path("requestedModality").asText(),
                request.path("description").asText());
    }
}
