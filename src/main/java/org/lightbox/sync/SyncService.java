package org.lightbox.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;
import org.lightbox.audit.AuditLog;
import org.lightbox.domain.Actor;
import org.lightbox.domain.DomainException;
import org.lightbox.domain.Permission;
import org.lightbox.store.Database;
import org.lightbox.store.DemoContent;
import org.lightbox.store.SettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this workstation and its central store in step: each cycle re-validates an offline sign-in,
 * pulls what changed, then pushes the outbox. In the window it runs by itself on one background thread,
 * again after a quiet interval, at once on "sync now" or a live update, and with growing, jittered
 * pauses while the server is unreachable. Headless, {@link #syncOnce(CentralSession)} runs one cycle.
 */
public final class SyncService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);
    private static final String LAST_SUCCESS_KEY = "sync.last-success";

    /** Told on the sync thread; a ViewModel moves it to the UI thread. */
    public interface Listener {
        void statusChanged(SyncStatus status);

        default void statAlert(StatAlert alert) {
        }

        /** Real-time worklist updates are flowing (the LiveQuery subscription is confirmed). */
        default void liveUpdatesStarted() {
        }

        /** The central store no longer accepts the password someone signed in with offline. */
        default void signInRevoked(String username, String reason) {
        }
    }

    private final Database database;
    private final SettingsStore settings;
    private final PendingChanges pending;
    private final ConflictLog conflicts;
    private final CentralAccounts accounts;
    private final KnownServerState known;
    private final ParkedChanges parked;
    private final OutboxPusher pusher;
    private final ChangePuller puller;
    private final AuditLog audit;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final Clock clock;
    private final SyncTiming timing;
    private final OkHttpClient http;
    private final Backoff backoff;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<CentralSession> session = new AtomicReference<>();
    private final AtomicReference<OfflineSignIn> offlineSignIn = new AtomicReference<>();
    private final Object scheduling = new Object();
    private volatile SyncStatus status;
    private ScheduledExecutorService loop;
    private ScheduledFuture<?> nextCycle;
    private LiveWorklist live;

    public SyncService(Database database, SettingsStore settings, PendingChanges pending, ConflictLog conflicts,
            CentralAccounts accounts, AuditLog audit, com.fasterxml.jackson.databind.ObjectMapper json, Clock clock,
            SyncTiming timing) {
        this.database = database;
        this.settings = settings;
        this.pending = pending;
        this.conflicts = conflicts;
        this.accounts = accounts;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.timing = timing;
        this.known = new KnownServerState(database, json);
        this.pusher = new OutboxPusher(pending, known, json, BatchPlan.MAX_OPERATIONS);
        AccountCache cache = new AccountCache(audit, clock);
        this.parked = new ParkedChanges(database, audit, json, clock);
        this.puller = new ChangePuller(database, new RemoteChanges(conflicts, pending, known, cache, json, clock), parked, cache,
                json);
        this.http = new OkHttpClient.Builder().connectTimeout(timing.requestTimeout()).readTimeout(timing.requestTimeout())
                .writeTimeout(timing.requestTimeout()).retryOnConnectionFailure(false).socketFactory(new NoDelaySockets()).build();
        this.backoff = new Backoff(timing.firstRetry(), timing.maxRetry(), RandomGenerator.getDefault());
        this.status = counted(settings().isPresent()
                ? new SyncStatus(SyncStatus.Connection.NOT_SIGNED_IN, 0, 0, lastSuccess(), null, null, 0, 0)
                : SyncStatus.standalone(0));
    }

    /** Builds the sync with everything it needs from the workstation's store. */
    public static SyncService over(Database database, SettingsStore settings, AuditLog audit,
            com.fasterxml.jackson.databind.ObjectMapper json, Clock clock, org.lightbox.auth.PasswordHasher hasher,
            SyncTiming timing) {
        PendingChanges pending = new PendingChanges(database, audit, json, clock);
        ConflictLog conflicts = new ConflictLog(database, audit, json, clock);
        CentralAccounts accounts = new CentralAccounts(database, hasher, new AccountCache(audit, clock), audit);
        return new SyncService(database, settings, pending, conflicts, accounts, audit, json, clock, timing);
    }

    public Optional<CentralStoreSettings> settings() {
        return Optional.ofNullable(settings.read(CentralStoreSettings.KEY, CentralStoreSettings.class, null));
    }

    /** Points the workstation at a central store, or (null) makes it standalone. */
    public void configure(Actor actor, CentralStoreSettings store) {
        actor.require(Permission.MANAGE_SETTINGS);
        if (store != null) {
            requireNoDemoContent();
        }
        database.update(tx -> {
            audit.append(tx, actor, SyncAction.CENTRAL_STORE_CONFIGURED, "CentralStore", store == null ? "" : store.url(),
                    store == null ? Map.of("standalone", true) : Map.of("url", store.url(), "applicationId", store.applicationId()));
        });
        settings.write(CentralStoreSettings.KEY, store);
        session.set(null);
        publish(store == null ? SyncStatus.standalone(0) : status.with(SyncStatus.Connection.NOT_SIGNED_IN, null, null));
    }

    /** A data folder holding the demo patients never meets a central store: they would be sent there as real ones. */
    public void requireNoDemoContent() {
        if (DemoContent.isIn(settings)) {
            throw new DomainException("This data folder holds the demo patients and requests; connected to a central store they"
                    + " would be sent there as real ones. Use a fresh data folder (--data-dir DIR, with --no-demo-data).");
        }
    }

    public CentralStoreClient client() {
        return new CentralStoreClient(http, json, settings().orElseThrow(
                () -> new DomainException("No central store is configured: this workstation is standalone")));
    }

    public CentralStoreClient client(CentralStoreSettings store) {
        return new CentralStoreClient(http, json, store);
    }

    public CentralAccounts accounts() {
        return accounts;
    }

    public PendingChanges pending() {
        return pending;
    }

    public ConflictLog conflicts() {
        return conflicts;
    }

    /** What the last pulls brought that could not be applied here yet. */
    public ParkedChanges parked() {
        return parked;
    }

    public SyncStatus status() {
        return status;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** Whether a session on the central store is open (not expired, not waiting for an offline sign-in to be confirmed). */
    public boolean hasSession() {
        return session.get() != null;
    }

    /** Someone signed in on the central store: sync with their session from now on. */
    public void signedIn(CentralSession newSession) {
        session.set(newSession);
        clearOfflineSignIn();
        syncNow();
    }

    /** Someone signed in with the cached verifier; their sign-in is checked with the server once it answers. */
    public void signedInOffline(String username, char[] password) {
        session.set(null);
        clearOfflineSignIn();
        offlineSignIn.set(new OfflineSignIn(username, password));
        syncNow();
    }

    public void signedOut() {
        session.set(null);
        clearOfflineSignIn();
        stopLive();
        publish(counted(status.with(settings().isPresent() ? SyncStatus.Connection.NOT_SIGNED_IN
                : SyncStatus.Connection.STANDALONE, null, null)));
    }

    /** One cycle with the signed-in session; throws when the server cannot be reached or refuses. */
    public SyncReport syncOnce() {
        CentralStoreClient client = client();
        revalidate(client);
        CentralSession current = session.get();
        if (current == null) {
            throw new CentralStoreException(CentralStoreException.Kind.SESSION_EXPIRED, "no one is signed in on the central store");
        }
        try {
            return cycle(client, current);
        } catch (CentralStoreException e) {
            if (e.kind() == CentralStoreException.Kind.SESSION_EXPIRED) {
                session.compareAndSet(current, null);
            }
            throw e;
        }
    }

    /** One cycle with a given server and session (the headless command, tests). */
    public SyncReport syncOnce(CentralStoreClient client, CentralSession with) {
        return cycle(client, with);
    }

    /** A pusher over this workstation's outbox sending {@code maxOperations} changes a request (the push benchmark). */
    public OutboxPusher pusher(int maxOperations) {
        return new OutboxPusher(pending, known, json, maxOperations);
    }

    /**
     * Pull first: a change made elsewhere meets this workstation's waiting changes before they go up, so
     * the conflict rules decide (the server's scheduling replaces the stale one in the outbox) instead of
     * the push silently overwriting it.
     */
    private SyncReport cycle(CentralStoreClient client, CentralSession with) {
        Map<String, Integer> pulled = puller.pull(client, with);
        PushReport pushed = pusher.push(client, with);
        Instant now = clock.instant();
        settings.write(LAST_SUCCESS_KEY, now.toString());
        return new SyncReport(pushed, pulled, pending.waiting(), pending.refused(), conflicts.unacknowledgedCount(), parked.count());
    }

    /** Starts the background cycle (the window). */
    public void start() {
        synchronized (scheduling) {
            if (loop == null) {
                loop = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "lightbox-sync");
                    t.setDaemon(true);
                    return t;
                });
            }
        }
        syncNow();
    }

    /** Runs a cycle as soon as possible (the "sync now" button, a live update, a sign-in). */
    public void syncNow() {
        schedule(Duration.ZERO);
    }

    /** Re-reads the counts for the status bar without talking to the server. */
    public void refreshCounts() {
        publish(counted(status));
    }

    private void schedule(Duration delay) {
        synchronized (scheduling) {
            if (loop == null || loop.isShutdown()) {
                return;
            }
            if (nextCycle != null) {
                nextCycle.cancel(false);
            }
            nextCycle = loop.schedule(this::backgroundCycle, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void backgroundCycle() {
        if (settings().isEmpty()) {
            publish(counted(SyncStatus.standalone(0)));
            return;
        }
        if (session.get() == null && offlineSignIn.get() == null) {
            publish(counted(status.with(SyncStatus.Connection.NOT_SIGNED_IN, null, null)));
            return;
        }
        publish(counted(status.with(SyncStatus.Connection.SYNCING, null, null)));
        try {
            syncOnce();
            backoff.reset();
            publish(counted(status.with(SyncStatus.Connection.ONLINE, null, null)));
            startLive();
            schedule(timing.idleInterval());
        } catch (CentralStoreException e) {
            failed(e);
        } catch (RuntimeException e) {
            LOG.error("Sync cycle failed", e);
            retryLater(SyncStatus.Connection.FAILED, "Sync failed: " + e.getMessage());
        }
    }

    private void failed(CentralStoreException e) {
        LOG.info("Sync: {}", e.getMessage());
        switch (e.kind()) {
            case SESSION_EXPIRED -> {
                session.set(null);
                stopLive();
                publish(counted(status.with(SyncStatus.Connection.SESSION_EXPIRED, e.getMessage(), null)));
            }
            case APPLICATION_REFUSED -> retryLater(SyncStatus.Connection.MISCONFIGURED, e.getMessage());
            case WRONG_PASSWORD -> publish(counted(status.with(SyncStatus.Connection.NOT_SIGNED_IN, e.getMessage(), null)));
            case UNREACHABLE -> retryLater(SyncStatus.Connection.OFFLINE, e.getMessage());
            case SERVER_FAILED, MALFORMED_ANSWER -> retryLater(SyncStatus.Connection.SERVER_ERROR, e.getMessage());
            // Not transient, but an administrator may fix the server's side: polled at the back-off's pace.
            case REFUSED -> retryLater(SyncStatus.Connection.REFUSED, e.getMessage());
        }
    }

    private void retryLater(SyncStatus.Connection connection, String problem) {
        Duration wait = backoff.next();
        stopLive();
        publish(counted(status.with(connection, problem, clock.instant().plus(wait))));
        schedule(wait);
    }

    /** An offline sign-in is checked against the central store as soon as it answers. */
    private void revalidate(CentralStoreClient client) {
        OfflineSignIn pendingCheck = offlineSignIn.get();
        if (pendingCheck == null) {
            return;
        }
        try {
            CentralSession confirmed = accounts.signIn(client, pendingCheck.username(), pendingCheck.password());
            session.set(confirmed);
            clearOfflineSignIn();
        } catch (CentralStoreException e) {
            boolean wrongPassword = e.kind() == CentralStoreException.Kind.WRONG_PASSWORD;
            if (wrongPassword || e.kind() == CentralStoreException.Kind.REFUSED) {
                // The authority said no (a changed password, a deactivated account): the offline sign-in ends.
                clearOfflineSignIn();
                accounts.forget(pendingCheck.username());
                database.update(tx -> audit.append(tx, Actor.SYSTEM, SyncAction.REVALIDATION_REFUSED, "User",
                        pendingCheck.username()));
                String reason = wrongPassword
                        ? "The central store no longer accepts the password " + pendingCheck.username() + " signed in with offline"
                        : "The central store refused the offline sign-in of " + pendingCheck.username() + ": " + e.getMessage();
                listeners.forEach(l -> l.signInRevoked(pendingCheck.username(), reason));
            }
            throw e;
        }
    }

    private void clearOfflineSignIn() {
        OfflineSignIn previous = offlineSignIn.getAndSet(null);
        if (previous != null) {
            java.util.Arrays.fill(previous.password(), '\0');
        }
    }

    private void startLive() {
        CentralSession current = session.get();
        if (current == null) {
            return;
        }
        synchronized (scheduling) {
            if (live == null || !live.isOpenFor(current)) {
                if (live != null) {
                    live.close();
                }
                live = new LiveWorklist(client(), current, database, json, this::liveChange,
                        () -> listeners.forEach(Listener::liveUpdatesStarted));
                live.open();
            }
        }
    }

    private void stopLive() {
        synchronized (scheduling) {
            if (live != null) {
                live.close();
                live = null;
            }
        }
    }

    private void liveChange(StatAlert alert) {
        if (alert != null) {
            listeners.forEach(l -> l.statAlert(alert));
        }
        syncNow();
    }

    private SyncStatus counted(SyncStatus s) {
        return new SyncStatus(s.connection(), pending.waiting(), pending.refused(), lastSuccess(), s.problem(), s.nextAttempt(),
                conflicts.unacknowledgedCount(), parked.count());
    }

    private Instant lastSuccess() {
        String stored = settings.read(LAST_SUCCESS_KEY, String.class, null);
        return stored == null ? null : Instant.parse(stored);
    }

    private void publish(SyncStatus newStatus) {
        status = newStatus;
        listeners.forEach(l -> l.statusChanged(newStatus));
    }

    @Override
    public void close() {
        stopLive();
        ScheduledExecutorService stopping;
        synchronized (scheduling) {
            stopping = loop;
        }
        if (stopping != null) {
            stopping.shutdownNow();
            try {
                stopping.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        clearOfflineSignIn();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** Who signed in offline, and the password to confirm it with: held in memory only, wiped once checked. */
    private record OfflineSignIn(String username, char[] password) {
    }
}
