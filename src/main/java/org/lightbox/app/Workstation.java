package org.lightbox.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.time.Duration;
import org.lightbox.audit.AuditLog;
import org.lightbox.audit.AuditTrail;
import org.lightbox.auth.Authenticator;
import org.lightbox.auth.PasswordHasher;
import org.lightbox.auth.UserDirectory;
import org.lightbox.domain.Ids;
import org.lightbox.request.AccessionNumbers;
import org.lightbox.request.Facilities;
import org.lightbox.request.PatientRegistry;
import org.lightbox.request.RequestIntake;
import org.lightbox.request.RequestLifecycle;
import org.lightbox.request.RequestRecords;
import org.lightbox.store.Database;
import org.lightbox.store.Outbox;
import org.lightbox.store.SettingsStore;
import org.lightbox.dicom.FrameDecoder;
import org.lightbox.viewer.CacheBudget;
import org.lightbox.viewer.FrameCache;
import org.lightbox.viewer.FrameLoader;
import org.lightbox.viewer.Measurements;
import org.lightbox.viewer.StudyImages;
import org.lightbox.viewer.UserActivity;
import org.lightbox.viewer.ViewerServices;
import org.lightbox.viewer.ViewerSettings;
import org.lightbox.worklist.Assignments;
import org.lightbox.worklist.ReadingLocks;
import org.lightbox.worklist.WorklistItems;
import org.lightbox.worklist.WorklistQuery;
import org.lightbox.worklist.WorklistRepository;

/**
 * The composition root of the domain: every service of one workstation, built once over one data
 * folder with constructor injection. The window and each command-line subcommand take what they
 * need from here; nothing else constructs services.
 */
public final class Workstation implements AutoCloseable {
    private static final String WORKSTATION_ID_KEY = "workstation.id";
    /** How long without keyboard or mouse before the next worklist studies are decoded ahead. */
    private static final Duration IDLE_BEFORE_PREFETCH = Duration.ofSeconds(30);

    private final DataFolder folder;
    private final Clock clock;
    private final ObjectMapper json;
    private final Database database;
    private final SettingsStore settings;
    private final Outbox outbox;
    private final AuditLog audit;
    private final AuditTrail auditTrail;
    private final UserDirectory users;
    private final Authenticator authenticator;
    private final Facilities facilities;
    private final PatientRegistry patients;
    private final RequestIntake intake;
    private final WorklistItems worklistItems;
    private final RequestLifecycle lifecycle;
    private final Assignments assignments;
    private final ReadingLocks readingLocks;
    private final WorklistRepository worklist;
    private final AccessionNumbers accessionNumbers;
    private final RequestRecords requests;
    private final UserActivity userActivity;
    private final FrameLoader frameLoader;
    private final ViewerServices viewer;

    private Workstation(DataFolder folder, Clock clock, PasswordHasher hasher) {
        this.folder = folder;
        this.clock = clock;
        this.json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        this.database = Database.open(folder.database());
        this.settings = new SettingsStore(database, json);
        this.outbox = new Outbox(database, json, clock);
        this.audit = new AuditLog(outbox, json, clock, workstationId(settings));
        this.auditTrail = new AuditTrail(database);
        this.users = new UserDirectory(database, hasher, audit, clock);
        this.authenticator = new Authenticator(users, hasher, database, audit);
        this.facilities = new Facilities(database, audit, outbox, clock);
        this.patients = new PatientRegistry(database, audit, clock);
        this.intake = new RequestIntake(database, patients, facilities, audit, outbox, clock);
        this.worklistItems = new WorklistItems(settings, audit, outbox, clock);
        this.lifecycle = new RequestLifecycle(database, facilities, worklistItems, audit, outbox, clock);
        this.assignments = new Assignments(database, users, audit, outbox, clock);
        this.readingLocks = new ReadingLocks(database, users, audit, outbox, clock);
        this.worklist = new WorklistRepository(database);
        this.accessionNumbers = new AccessionNumbers(database, clock);
        this.requests = new RequestRecords(database, audit);
        this.userActivity = new UserActivity(clock, IDLE_BEFORE_PREFETCH);
        ViewerSettings viewerSettings = settings.read(ViewerSettings.KEY, ViewerSettings.class, ViewerSettings.DEFAULTS);
        this.frameLoader = new FrameLoader(new FrameDecoder(),
                new FrameCache(CacheBudget.forThisJvm(viewerSettings.cacheMegabytes())),
                FrameLoader.defaultThreads(viewerSettings.decodeThreads()), userActivity::isIdle);
        this.viewer = new ViewerServices(new StudyImages(database, folder.dicomStore()), frameLoader,
                new Measurements(database, audit, clock), settings, worklist, new WorklistQuery(clock.getZone()),
                userActivity, folder.root().resolve("exports"));
    }

    public static Workstation open(DataFolder folder) {
        return open(folder, Clock.systemDefaultZone(), new PasswordHasher());
    }

    /** With a given clock and password hasher: tests use a fixed clock and fewer hash iterations. */
    public static Workstation open(DataFolder folder, Clock clock, PasswordHasher hasher) {
        return new Workstation(folder, clock, hasher);
    }

    /** A random id for this workstation, made on first start; it tags every audit event it writes. */
    private static String workstationId(SettingsStore settings) {
        String id = settings.read(WORKSTATION_ID_KEY, String.class, null);
        if (id == null) {
            id = "ws-" + Ids.newId();
            settings.write(WORKSTATION_ID_KEY, id);
        }
        return id;
    }

    public DataFolder folder() { return folder; }
    public Clock clock() { return clock; }
    public ObjectMapper json() { return json; }
    public Database database() { return database; }
    public SettingsStore settings() { return settings; }
    public Outbox outbox() { return outbox; }
    public AuditLog audit() { return audit; }
    public AuditTrail auditTrail() { return auditTrail; }
    public UserDirectory users() { return users; }
    public Authenticator authenticator() { return authenticator; }
    public Facilities facilities() { return facilities; }
    public PatientRegistry patients() { return patients; }
    public RequestIntake intake() { return intake; }
    public WorklistItems worklistItems() { return worklistItems; }
    public RequestLifecycle lifecycle() { return lifecycle; }
    public Assignments assignments() { return assignments; }
    public ReadingLocks readingLocks() { return readingLocks; }
    public WorklistRepository worklist() { return worklist; }
    public AccessionNumbers accessionNumbers() { return accessionNumbers; }
    public RequestRecords requests() { return requests; }
    public UserActivity userActivity() { return userActivity; }
    public ViewerServices viewer() { return viewer; }

    @Override
    public void close() {
        frameLoader.close();
        database.close();
    }
}
