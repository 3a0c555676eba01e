package org.lightbox.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.lightbox.audit.AuditLog;
import org.lightbox.auth.PasswordHasher;
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
 * pulls what changed, then pushes the outbox. In the window it runs by itself on the {@link SyncLoop},
 * again after a quiet interval, at once on "sync now" or a live update, and with growing, jittered
 * pauses while the server is unreachable. Headless, {@link #syncOnce(CentralStoreClient, CentralSession)}
 * runs one cycle. Everything the window shows of it goes out through {@link Listener}.
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
    private final ParkedChanges parked;
    private final CentralAccounts accounts;
    private final KnownServerState known;
    private final OutboxPusher pusher;
    private final ChangePuller puller;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final SyncTiming timing;
    private final CentralStoreConnection connection;
    private final SyncLoop loop;
    private final OfflineSignInCheck offlineSignIn;
    private final LiveUpdates live;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<CentralSession> session = new AtomicReference<>();
    private volatile SyncStatus status;

    private SyncService(Database database, SettingsStore settings, PendingChanges pending, ConflictLog conflicts,
            ParkedChanges parked, CentralAccounts accounts, KnownServerState known, ChangePuller puller, AuditLog audit,
            ObjectMapper json, Clock clock, SyncTiming timing, CentralStoreConnection connection, SyncLoop loop) {
        this.database = database;
        this.settings = settings;
        this.pending = pending;
        this.conflicts = conflicts;
        this.parked = parked;
        this.accounts = accounts;
        this.known = known;
        this.pusher = new OutboxPusher(pending, known, json, BatchPlan.MAX_OPERATIONS);
        this.puller = puller;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.timing = timing;
        this.connection = connection;
        this.loop = loop;
        this.offlineSignIn = new OfflineSignInCheck(accounts, database, audit);
        this.live = new LiveUpdates(database, json);
        this.status = counted(settings().isPresent()
                ? new SyncStatus(SyncStatus.Connection.NOT_SIGNED_IN, 0, 0, lastSuccess(), null, null, 0, 0)
                : SyncStatus.standalone(0));
    }

    /**
     * The sync of one workstation, over its store, with the HTTP connection and the background loop the
     * composition root made (the sync closes both when it closes).
     */
    public static SyncService over(Database database, SettingsStore settings, AuditLog audit, ObjectMapper json, Clock clock,
            PasswordHasher hasher, SyncTiming timing, CentralStoreConnection connection, SyncLoop loop) {
        PendingChanges pending = new PendingChanges(database, audit, json, clock);
        ConflictLog conflicts = new ConflictLog(database, audit, json, clock);
        ParkedChanges parked = new ParkedChanges(database, audit, json, clock);
        AccountCache cache = new AccountCache(audit, clock);
        CentralAccounts accounts = new CentralAccounts(database, hasher, cache, audit);
        KnownServerState known = new KnownServerState(database, json);
        ChangePuller puller = new ChangePuller(database, new RemoteChanges(conflicts, pending, known, cache, json, clock), parked,
                cache, json);
        return new SyncService(database, settings, pending, conflicts, parked, accounts, known, puller, audit, json, clock, timing,
                connection, loop);
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
                    + " would be sent there as real ones. Use a fresh data folder (--data-dir DIR, started without --demo).");
        }
    }

    public CentralStoreClient client() {
        return connection.to(settings().orElseThrow(
                () -> new DomainException("No central store is configured: this workstation is standalone")));
    }

    public CentralStoreClient client(CentralStoreSettings store) {
        return connection.to(store);
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
        offlineSignIn.clear();
        syncNow();
    }

    /** Someone signed in with the cached verifier; their sign-in is checked with the server once it answers. */
    public void signedInOffline(String username, char[] password) {
        session.set(null);
        offlineSignIn.waitFor(username, password);
        syncNow();
    }

    public void signedOut() {
        session.set(null);
        offlineSignIn.clear();
        live.close();
        publish(counted(status.with(settings().isPresent() ? SyncStatus.Connection.NOT_SIGNED_IN
                : SyncStatus.Connection.STANDALONE, null, null)));
    }

    /** One cycle with the signed-in session; throws when the server cannot be reached or refuses. */
    public SyncReport syncOnce() {
        CentralStoreClient client = client();
        offlineSignIn.confirm(client, (username, reason) -> listeners.forEach(l -> l.signInRevoked(username, reason)))
                .ifPresent(session::set);
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
        loop.start(this::backgroundCycle);
    }

    /** Runs a cycle as soon as possible (the "sync now" button, a live update, a sign-in). */
    public void syncNow() {
        loop.runIn(Duration.ZERO);
    }

    /** Re-reads the counts for the status bar without talking to the server. */
    public void refreshCounts() {
        publish(counted(status));
    }

    private void backgroundCycle() {
        if (settings().isEmpty()) {
            publish(counted(SyncStatus.standalone(0)));
            return;
        }
        if (session.get() == null && !offlineSignIn.isWaiting()) {
            publish(counted(status.with(SyncStatus.Connection.NOT_SIGNED_IN, null, null)));
            return;
        }
        publish(counted(status.with(SyncStatus.Connection.SYNCING, null, null)));
        try {
            syncOnce();
            loop.succeeded();
            publish(counted(status.with(SyncStatus.Connection.ONLINE, null, null)));
            startLive();
            loop.runIn(timing.idleInterval());
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
                live.close();
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

    private void retryLater(SyncStatus.Connection connectionState, String problem) {
        Duration wait = loop.nextRetry();
        live.close();
        publish(counted(status.with(connectionState, problem, clock.instant().plus(wait))));
        loop.runIn(wait);
    }

    private void startLive() {
        CentralSession current = session.get();
        if (current != null) {
            live.openFor(current, this::client, this::liveChange, () -> listeners.forEach(Listener::liveUpdatesStarted));
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
        live.close();
        loop.close();
        offlineSignIn.clear();
        connection.close();
    }
}
