package org.lightbox.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.OkHttpClient;

/**
 * The workstation's HTTP link to central stores: one OkHttp client, with its connection pool and
 * threads, for every request and the LiveQuery socket. Built once by the composition root.
 */
public final class CentralStoreConnection implements AutoCloseable {
    private final OkHttpClient http;
    private final ObjectMapper json;

    public CentralStoreConnection(ObjectMapper json, SyncTiming timing) {
        this.json = json;
        this.http = new OkHttpClient.Builder().connectTimeout(timing.requestTimeout()).readTimeout(timing.requestTimeout())
                .writeTimeout(timing.requestTimeout()).retryOnConnectionFailure(false).socketFactory(new NoDelaySockets()).build();
    }

    /** A client of one central store over this connection. */
    public CentralStoreClient to(CentralStoreSettings store) {
        return new CentralStoreClient(http, json, store);
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
