package org.lightbox.sync.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real central store for the tests: a throwaway PostgreSQL cluster (started by
 * packaging/central-store/dev, as a developer would) and Parse Server run directly with node, on free
 * loopback ports in a temp folder. One per test run ({@link CentralStoreExtension}); the server can be
 * stopped, killed and started again by the fault tests while PostgreSQL keeps the data.
 */
public final class CentralStoreServer implements AutoCloseable {
    public static final String APP_ID = "lightbox-test";
    private static final Path CENTRAL_STORE = Path.of("packaging", "central-store").toAbsolutePath();

    private final Path state;
    private final int pgPort;
    private final int port;
    private final String masterKey = "master-" + Long.toHexString(System.nanoTime());
    private final String databaseUri;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private Process server;
    private Thread cleanup;
    private boolean closed;

    private CentralStoreServer(Path state, int pgPort, int port) {
        this.state = state;
        this.pgPort = pgPort;
        this.port = port;
        this.databaseUri = "postgres://postgres@127.0.0.1:" + pgPort + "/lightbox";
    }

    public static CentralStoreServer start() {
        try {
            Path state = Files.createTempDirectory("lightbox-central-store-");
            CentralStoreServer store = new CentralStoreServer(state, freePort(), freePort());
            store.dev("modules");
            store.dev("db-start");
            // Should the run end abruptly (Ctrl+C, a killed fork), the servers must not outlive it.
            Thread cleanup = new Thread(store::close, "central-store-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            store.cleanup = cleanup;
            store.startServer();
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL a workstation is configured with. */
    public String url() {
        return "http://127.0.0.1:" + port + "/parse";
    }

    public int port() {
        return port;
    }

    public String appId() {
        return APP_ID;
    }

    /** Starts Parse Server (again) and returns once it answers. */
    public synchronized void startServer() {
        if (server != null && server.isAlive()) {
            return;
        }
        ProcessBuilder pb = new ProcessBuilder("node", CENTRAL_STORE.resolve("server.js").toString())
                .directory(state.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("LIGHTBOX_DATABASE_URI", databaseUri);
        env.put("LIGHTBOX_MASTER_KEY", masterKey);
        env.put("LIGHTBOX_APP_ID", APP_ID);
        env.put("LIGHTBOX_PORT", Integer.toString(port));
        env.put("LIGHTBOX_LOG_LEVEL", "error");
        env.put("LIGHTBOX_LOGS", state.resolve("logs").toString());
        try {
            server = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run node: is Node.js installed? (packaging/dev/setup test)", e);
        }
        CountDownLatch ready = new CountDownLatch(1);
        StringBuilder log = new StringBuilder();
        Process started = server;
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    synchronized (log) {
                        if (log.length() < 20_000) {
                            log.append(line).append('\n');
                        }
                    }
                    if (line.contains("central store ready")) {
                        ready.countDown();
                    }
                }
            } catch (IOException ignored) {
                // The process ended.
            }
        }, "central-store-log");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!ready.await(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
                throw new IllegalStateException("Parse Server did not start in 60 s:\n" + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops Parse Server the way an operator would (SIGTERM) and waits for it. */
    public synchronized void stopServer() {
        end(false);
    }

    /** Kills Parse Server at once (SIGKILL), as a crash or a power cut would. */
    public synchronized void killServer() {
        end(true);
    }

    private void end(boolean kill) {
        if (server == null) {
            return;
        }
        if (kill) {
            server.destroyForcibly();
        } else {
            server.destroy();
        }
        try {
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = null;
    }

    public synchronized boolean isRunning() {
        return server != null && server.isAlive();
    }

    // --- Administration with the master key (allowed from loopback only) -------------------------------

    /** Creates a user with roles; returns their objectId. */
    public String createUser(String username, String password, String... roles) {
        ObjectNode body = json.createObjectNode().put("username", username).put("password", password)
                .put("displayName", "Dr. " + username);
        String id = master("POST", "/users", body).path("objectId").asText();
        for (String role : roles) {
            String roleId = master("GET", "/roles?where=" + encode("{\"name\":\"" + role + "\"}"), null)
                    .path("results").get(0).path("objectId").asText();
            ObjectNode add = json.createObjectNode();
            add.putObject("users").put("__op", "AddRelation").putArray("objects").addObject()
                    .put("__type", "Pointer").put("className", "_User").put("objectId", id);
            master("PUT", "/roles/" + roleId, add);
        }
        return id;
    }

    /** Every audit event of one workstation, in sequence order, read with the master key. */
    public List<JsonNode> auditEventsOf(String workstation) {
        List<JsonNode> all = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = master("GET", "/classes/AuditEvent?limit=1000&order=sequence,objectId&where="
                    + encode("{\"workstation\":\"" + workstation + "\",\"sequence\":{\"$gte\":" + (after + 1) + "}}"), null);
            JsonNode results = page.path("results");
            results.forEach(all::add);
            if (results.size() < 1000) {
                return all;
            }
            after = results.get(results.size() - 1).path("sequence").asLong();
        }
    }

    /** How many objects of a class match {@code where}. */
    public long count(String className, String where) {
        return master("GET", "/classes/" + className + "?count=1&limit=0&where=" + encode(where), null).path("count").asLong();
    }

    public String masterKey() {
        return masterKey;
    }

    public JsonNode master(String method, String path, JsonNode body) {
        return call(method, path, body, Map.of("X-Parse-Master-Key", masterKey)).body();
    }

    /** A raw REST call as a client sends it, for proving the server's own refusals. */
    public Answer call(String method, String path, JsonNode body, Map<String, String> headers) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30))
                .header("X-Parse-Application-Id", APP_ID).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()));
        headers.forEach(r::header);
        try {
            HttpResponse<String> response = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
            try {
                return new Answer(response.statusCode(), json.readTree(response.body()));
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body(), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs in over REST; returns the session token. */
    public String login(String username, String password) {
        Answer a = call("POST", "/login", json.createObjectNode().put("username", username).put("password", password), Map.of());
        if (a.status() != 200) {
            throw new IllegalStateException("login " + username + ": " + a);
        }
        return a.body().path("sessionToken").asText();
    }

    /** Ends every session of a user on the server, as expiry or an administrator would. */
    public void expireSessionsOf(String userId) {
        JsonNode sessions = master("GET", "/sessions?where=" + encode("{\"user\":{\"__type\":\"Pointer\",\"className\":\"_User\","
                + "\"objectId\":\"" + userId + "\"}}"), null);
        for (JsonNode s : sessions.path("results")) {
            master("DELETE", "/sessions/" + s.path("objectId").asText(), null);
        }
    }

    public ObjectMapper json() {
        return json;
    }

    /** An HTTP status and the parsed body. */
    public record Answer(int status, JsonNode body) {
        public int code() {
            return body.path("code").asInt(0);
        }
    }

    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * Runs SQL on the store's PostgreSQL database, around Parse Server and its triggers: what someone with
     * access to the database could do, for the tests that prove tampering is detected.
     */
    public String sql(String statement) {
        return dev("psql", "-v", "ON_ERROR_STOP=1", "-tA", "-c", statement);
    }

    private String dev(String... command) {
        List<String> line = new ArrayList<>(List.of(CENTRAL_STORE.resolve("dev").toString()));
        line.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(line).redirectErrorStream(true);
        pb.environment().put("LIGHTBOX_CENTRAL_DIR", state.toString());
        pb.environment().put("LIGHTBOX_PG_PORT", Integer.toString(pgPort));
        try {
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("packaging/central-store/dev " + String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (cleanup != null && Thread.currentThread() != cleanup) {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook is running or about to: fine.
            }
        }
        stopServer();
        dev("db-stop");
        try (Stream<Path> files = Files.walk(state)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temp folder left behind is harmless.
        }
    }

    static Map<String, String> headers(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Override
    public String toString() {
        return "central store " + url() + " " + Arrays.toString(new int[] {pgPort, port});
    }
}
