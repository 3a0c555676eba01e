package org.lightbox.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.OkHttpClient;

/**
 * The workstation's HTTP link to central stores: one OkHttp client, with its connection pool and
 * threads, for every request and the LiveQuery socket. Built once by the composition root; the
 * client itself on first use, since setting up TLS costs a tenth of a second of every start and a
 * standalone workstation never needs it.
 */
public final class CentralStoreConnection implements AutoCloseable {
    private final ObjectMapper json;
    private final SyncTiming timing;
    private OkHttpClient http;

    public CentralStoreConnection(ObjectMapper json, SyncTiming timing) {
        this.json = json;
        this.timing = timing;
    }

    /** A client of one central store over this connection. */
    public CentralStoreClient to(CentralStoreSettings store) {
        return new CentralStoreClient(http(), json, store);
    }

    private synchronized OkHttpClient http() {
        if (http == null) {
            http = new OkHttpClient.Builder().connectTimeout(timing.requestTimeout()).readTimeout(timing.requestTimeout())
                    .writeTimeout(timing.requestTimeout()).retryOnConnectionFailure(false).socketFactory(new NoDelaySockets())
                    .build();
        }
        return http;
    }

    @Override
    public synchronized void close() {
        if (http != null) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
