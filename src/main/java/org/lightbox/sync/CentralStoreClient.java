package org.lightbox.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * The Parse Server REST API as the workstation uses it: sign-in, queries, and the batch endpoint.
 * Every failure becomes a {@link CentralStoreException} whose kind says whether to retry.
 */
public final class CentralStoreClient {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http;
    private final ObjectMapper json;
    private final CentralStoreSettings settings;
    private final HttpUrl base;

    public CentralStoreClient(OkHttpClient http, ObjectMapper json, CentralStoreSettings settings) {
        this.http = http;
        this.json = json;
        this.settings = settings;
        HttpUrl parsed = HttpUrl.parse(settings.url());
        if (parsed == null) {
            throw new CentralStoreException(CentralStoreException.Kind.APPLICATION_REFUSED, "bad URL " + settings.url());
        }
        this.base = parsed;
    }

    public CentralStoreSettings settings() {
        return settings;
    }

    /** {@code POST /login}: the user's id, display name and a session token. */
    public CentralSession login(String username, char[] password) {
        ObjectNode body = json.createObjectNode().put("username", username).put("password", new String(password));
        try {
            JsonNode answer = send(request("/login", null).post(body(body)).build());
            return new CentralSession(answer.path("objectId").asText(), answer.path("username").asText(username),
                    answer.path("displayName").asText(username), answer.path("sessionToken").asText());
        } catch (CentralStoreException e) {
            if (e.parseCode() == ParseErrors.OBJECT_NOT_FOUND) {
                throw new CentralStoreException(CentralStoreException.Kind.WRONG_PASSWORD, e.parseCode(), null, e);
            }
            throw e;
        }
    }

    public JsonNode get(String path, String sessionToken, Map<String, String> query) {
        HttpUrl.Builder url = url(path).newBuilder();
        query.forEach(url::addQueryParameter);
        return send(headers(new Request.Builder().url(url.build()), sessionToken).get().build());
    }

    public JsonNode post(String path, String sessionToken, JsonNode body) {
        return send(request(path, sessionToken).post(body(body)).build());
    }

    public JsonNode put(String path, String sessionToken, JsonNode body) {
        return send(request(path, sessionToken).put(body(body)).build());
    }

    public JsonNode delete(String path, String sessionToken) {
        return send(request(path, sessionToken).delete().build());
    }

    /**
     * {@code POST /batch}. The server runs the operations in parallel and answers 200 with one result
     * per operation, each a success or an error of its own.
     */
    public List<BatchResult> batch(List<BatchOperation> operations, String sessionToken) {
        ObjectNode body = json.createObjectNode();
        ArrayNode requests = body.putArray("requests");
        for (BatchOperation op : operations) {
            ObjectNode r = requests.addObject().put("method", op.method()).put("path", settings.mountPath() + op.path());
            if (op.body() != null) {
                r.set("body", op.body());
            }
        }
        JsonNode answer = send(request("/batch", sessionToken).post(body(body)).build());
        if (!answer.isArray() || answer.size() != operations.size()) {
            throw new CentralStoreException(CentralStoreException.Kind.MALFORMED_ANSWER,
                    "batch of " + operations.size() + " answered with " + (answer.isArray() ? answer.size() + " results" : "no list"));
        }
        List<BatchResult> results = new ArrayList<>(operations.size());
        for (JsonNode r : answer) {
            if (r.has("success")) {
                results.add(BatchResult.ok());
            } else if (r.has("error")) {
                JsonNode error = r.get("error");
                results.add(BatchResult.error(error.path("code").asInt(0), error.path("error").asText("no message")));
            } else {
                throw new CentralStoreException(CentralStoreException.Kind.MALFORMED_ANSWER, "batch result without success or error");
            }
        }
        return results;
    }

    /** Opens the LiveQuery websocket on the server's own address. */
    public WebSocket openLiveQuery(WebSocketListener listener) {
        return http.newWebSocket(new Request.Builder().url(settings.liveQueryUrl()).build(), listener);
    }

    public ObjectMapper json() {
        return json;
    }

    private HttpUrl url(String path) {
        HttpUrl url = HttpUrl.parse(settings.url() + path);
        if (url == null) {
            throw new IllegalArgumentException("Bad path " + path);
        }
        return url;
    }

    private Request.Builder request(String path, String sessionToken) {
        return headers(new Request.Builder().url(url(path)), sessionToken);
    }

    private Request.Builder headers(Request.Builder r, String sessionToken) {
        r.header("X-Parse-Application-Id", settings.applicationId());
        if (settings.clientKey() != null) {
            r.header("X-Parse-Client-Key", settings.clientKey());
        }
        if (sessionToken != null) {
            r.header("X-Parse-Session-Token", sessionToken);
        }
        return r;
    }

    private RequestBody body(JsonNode node) {
        try {
            return RequestBody.create(json.writeValueAsBytes(node), JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }

    private JsonNode send(Request request) {
        String text;
        int status;
        try (Response response = http.newCall(request).execute()) {
            status = response.code();
            text = response.body() == null ? "" : response.body().string();
        } catch (IOException e) {
            throw new CentralStoreException(CentralStoreException.Kind.UNREACHABLE, 0,
                    base.host() + ":" + base.port() + ": " + e.getMessage(), e);
        }
        if (status >= 500) {
            throw new CentralStoreException(CentralStoreException.Kind.SERVER_FAILED, 0, "HTTP " + status, null);
        }
        JsonNode answer;
        try {
            answer = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new CentralStoreException(CentralStoreException.Kind.MALFORMED_ANSWER, 0, "HTTP " + status + ", not JSON", e);
        }
        if (answer == null || answer.isMissingNode()) {
            throw new CentralStoreException(CentralStoreException.Kind.MALFORMED_ANSWER, 0, "HTTP " + status + ", empty", null);
        }
        if (status >= 400) {
            throw refusal(status, answer);
        }
        return answer;
    }

    private static CentralStoreException refusal(int status, JsonNode answer) {
        int code = answer.path("code").asInt(0);
        String message = answer.path("error").asText("HTTP " + status);
        if (status == 401 || status == 403 && "unauthorized".equals(message)) {
            return new CentralStoreException(CentralStoreException.Kind.APPLICATION_REFUSED, code, message, null);
        }
        if (code == ParseErrors.INVALID_SESSION_TOKEN) {
            return new CentralStoreException(CentralStoreException.Kind.SESSION_EXPIRED, code, message, null);
        }
        if (ParseErrors.isTransient(code)) {
            return new CentralStoreException(CentralStoreException.Kind.SERVER_FAILED, code, message, null);
        }
        return new CentralStoreException(CentralStoreException.Kind.REFUSED, code, code + ": " + message, null);
    }
}
