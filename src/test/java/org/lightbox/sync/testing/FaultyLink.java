package org.lightbox.sync.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A loopback HTTP relay between the workstation and the central store that misbehaves on request:
 * it can drop the n-th batch, pass it to the server and then drop the connection before the answer (the
 * server saved it, the workstation never hears so), pass only every other operation of it and then kill
 * the server (it died having saved part of the batch), answer 503 without forwarding, refuse the whole
 * request as Parse does (400 with an error code), or forward and answer garbage instead of JSON. The
 * decision is taken per batch, so a test can also stop the server at a chosen batch.
 */
public final class FaultyLink implements AutoCloseable {
    /** What happens to one request. */
    public enum Fault { NONE, DROP, DROP_AFTER_FORWARDING, SAVE_PART_THEN_KILL_SERVER, SERVICE_UNAVAILABLE, REFUSED,
        MALFORMED_AFTER_FORWARDING }

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding",
            "upgrade", "http2-settings", "keep-alive");

    private final HttpServer relay;
    private final CentralStoreServer store;
    private final String target;
    private final IntFunction<Fault> faultForBatch;
    private final AtomicInteger batches = new AtomicInteger();
    private final AtomicInteger faults = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code faultForBatch} gets the 1-based number of each /batch request and says what to do with it. */
    public FaultyLink(CentralStoreServer store, IntFunction<Fault> faultForBatch) throws IOException {
        this.store = store;
        this.target = "http://127.0.0.1:" + store.port();
        this.faultForBatch = faultForBatch;
        this.relay = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        relay.createContext("/", this::relay);
        relay.setExecutor(Executors.newFixedThreadPool(4));
        relay.start();
    }

    public String url() {
        return "http://127.0.0.1:" + relay.getAddress().getPort() + "/parse";
    }

    /** How many faults were injected. */
    public int faults() {
        return faults.get();
    }

    private void relay(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Fault fault = exchange.getRequestURI().getPath().endsWith("/batch")
                    ? faultForBatch.apply(batches.incrementAndGet()) : Fault.NONE;
            if (fault != Fault.NONE) {
                faults.incrementAndGet();
            }
            if (fault == Fault.DROP) {
                return;
            }
            if (fault == Fault.SERVICE_UNAVAILABLE) {
                respond(exchange, 503, "Service Unavailable".getBytes(StandardCharsets.UTF_8), Map.of());
                return;
            }
            if (fault == Fault.REFUSED) {
                respond(exchange, 400, "{\"code\":119,\"error\":\"Permission denied for this batch\"}"
                        .getBytes(StandardCharsets.UTF_8), Map.of());
                return;
            }
            if (fault == Fault.SAVE_PART_THEN_KILL_SERVER) {
                // The server took every other operation and died before answering: no answer reaches the workstation.
                forward(exchange, everyOtherOperation(body));
                store.killServer();
                return;
            }
            HttpResponse<byte[]> answer = forward(exchange, body);
            switch (fault) {
                case DROP_AFTER_FORWARDING -> {
                    // Closing the exchange without a response closes the connection: the answer is lost.
                    return;
                }
                case MALFORMED_AFTER_FORWARDING -> respond(exchange, 200,
                        "<html>proxy error</html>".getBytes(StandardCharsets.UTF_8), Map.of());
                default -> respond(exchange, answer.statusCode(), answer.body(), answer.headers().map());
            }
        } catch (IOException | InterruptedException e) {
            // The server is down: the relay is too, as far as the workstation can tell.
            exchange.getResponseBody().close();
        }
    }

    private byte[] everyOtherOperation(byte[] batch) throws IOException {
        ObjectNode body = (ObjectNode) store.json().readTree(batch);
        ArrayNode part = store.json().createArrayNode();
        for (int i = 0; i < body.path("requests").size(); i += 2) {
            part.add(body.path("requests").get(i));
        }
        body.set("requests", part);
        return store.json().writeValueAsBytes(body);
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        URI uri = URI.create(target + exchange.getRequestURI().toString());
        HttpRequest.Builder r = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(v -> r.header(name, v));
            }
        });
        return http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void respond(HttpExchange exchange, int status, byte[] body, Map<String, List<String>> headers)
            throws IOException {
        headers.forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        relay.stop(0);
        ((java.util.concurrent.ExecutorService) relay.getExecutor()).shutdownNow();
    }

    static void drain(InputStream in) throws IOException {
        in.readAllBytes();
    }
}
