package org.lightbox.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.lightbox.audit.AuditLog;
import org.lightbox.audit.AuditTrail;
import org.lightbox.auth.Authenticator;
import org.lightbox.auth.PasswordHasher;
import org.lightbox.auth.UserDirectory;
import org.lightbox.domain.Ids;
import org.lightbox.report.MacroLibrary;
import org.lightbox.report.ReportDocuments;
import org.lightbox.report.Reporting;
import org.lightbox.report.TemplateLibrary;
import org.lightbox.ingest.DicomImporter;
import org.lightbox.ingest.ManagedStore;
import org.lightbox.ingest.Quarantine;
import org.lightbox.ingest.StorageScpService;
import org.lightbox.ingest.UnmatchedStudies;
import org.lightbox.ingest.pacs.PacsQueryRetrieve;
import org.lightbox.ingest.pacs.PacsRetrieval;
import org.lightbox.request.AccessionNumbers;
import org.lightbox.request.Facilities;
import org.lightbox.request.PatientRegistry;
import org.lightbox.request.RequestIntake;
import org.lightbox.request.RequestLifecycle;
import org.lightbox.request.RequestRecords;
import org.lightbox.setup.WorkstationSetup;
import org.lightbox.store.Database;
import org.lightbox.store.Outbox;
import org.lightbox.store.SettingsStore;
import org.lightbox.settings.SettingsEditor;
import org.lightbox.sync.CentralSignIn;
import org.lightbox.sync.CentralStoreConnection;
import org.lightbox.sync.CentralStoreSettings;
import org.lightbox.sync.SyncLoop;
import org.lightbox.sync.SyncService;
import org.lightbox.sync.SyncTiming;
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
    private final Reporting reporting;
    private final TemplateLibrary templates;
    private final MacroLibrary macros;
    private final ReportDocuments reportDocuments;
    private final ManagedStore dicomStore;
    private final Quarantine quarantine;
    private final DicomImporter importer;
    private final UnmatchedStudies unmatchedStudies;
    private final StorageScpService storageScp;
    private final PacsQueryRetrieve pacs;
    private final SyncService sync;
    private final CentralSignIn signIn;
    private final SettingsEditor settingsEditor;
    private final UserActivity userActivity;
    private final FrameLoader frameLoader;
    private final ViewerServices viewer;
    private final WorkstationSetup setup;

    private Workstation(DataFolder folder, Clock clock, PasswordHasher hasher, SyncTiming syncTiming) {
        this.folder = folder;
        this.clock = clock;
        this.json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        this.database = Database.open(folder.createIfMissing().database());
        this.settings = new SettingsStore(database, json);
        this.outbox = new Outbox(database, json, clock);
        this.audit = new AuditLog(outbox, json, clock, workstationId(settings));
        this.auditTrail = new AuditTrail(database);
        // With a central store configured (SyncService.configure), it keeps the accounts; read each time, so configuring one applies at once.
        this.users = new UserDirectory(database, hasher, audit, clock, () -> java.util.Optional.ofNullable(
                settings.read(CentralStoreSettings.KEY, CentralStoreSettings.class, null)).map(CentralStoreSettings::url));
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
        this.reporting = new Reporting(database, requests, lifecycle, assignments, readingLocks, authenticator, users, settings,
                audit, outbox, json, clock);
        this.templates = new TemplateLibrary(database, audit, clock);
        this.macros = new MacroLibrary(database, audit, clock);
        this.reportDocuments = new ReportDocuments(reporting, requests, facilities, database, audit, settings);
        this.dicomStore = new ManagedStore(folder.dicomStore());
        this.quarantine = new Quarantine(folder.quarantine(), database, audit, clock);
        this.importer = new DicomImporter(database, dicomStore, quarantine, requests, lifecycle, audit, outbox, clock);
        this.unmatchedStudies = new UnmatchedStudies(database, requests, lifecycle, audit, outbox, clock);
        this.storageScp = new StorageScpService(importer, folder.incoming().resolve("storage-scp"), database, audit);
        this.pacs = new PacsQueryRetrieve(settings, new PacsRetrieval(importer, storageScp, folder.incoming()), storageScp,
                unmatchedStudies, database, audit);
        this.sync = SyncService.over(database, settings, audit, json, clock, hasher, syncTiming,
                new CentralStoreConnection(json, syncTiming), new SyncLoop(syncTiming, RandomGenerator.getDefault()));
        this.signIn = new CentralSignIn(authenticator, sync);
        this.settingsEditor = new SettingsEditor(database, settings, audit, Runtime.getRuntime()::maxMemory);
        this.userActivity = new UserActivity(clock, IDLE_BEFORE_PREFETCH);
        ViewerSettings viewerSettings = ViewerSettings.read(settings).settings();
        this.frameLoader = new FrameLoader(new FrameDecoder(),
                new FrameCache(CacheBudget.forThisJvm(viewerSettings.cacheMegabytes())),
                FrameLoader.defaultThreads(viewerSettings.decodeThreads()), userActivity::isIdle);
        this.viewer = new ViewerServices(new StudyImages(database, folder.dicomStore()), frameLoader,
                new Measurements(database, audit, clock), settings, worklist, new WorklistQuery(clock.getZone()),
                userActivity, folder.root().resolve("exports"));
        this.setup = new WorkstationSetup(database, users, settings, sync, audit);
    }

    public static Workstation open(DataFolder folder) {
        return open(folder, Clock.systemDefaultZone(), new PasswordHasher());
    }

    /** With a given clock and password hasher: tests use a fixed clock and fewer hash iterations. */
    public static Workstation open(DataFolder folder, Clock clock, PasswordHasher hasher) {
        return new Workstation(folder, clock, hasher, SyncTiming.DEFAULTS);
    }

    /** With the sync's retry and polling intervals too: fault tests retry within milliseconds. */
    public static Workstation open(DataFolder folder, Clock clock, PasswordHasher hasher, SyncTiming syncTiming) {
        return new Workstation(folder, clock, hasher, syncTiming);
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
    public Reporting reporting() { return reporting; }
    public TemplateLibrary templates() { return templates; }
    public MacroLibrary macros() { return macros; }
    public ReportDocuments reportDocuments() { return reportDocuments; }
    public ManagedStore dicomStore() { return dicomStore; }
    public Quarantine quarantine() { return quarantine; }
    public DicomImporter importer() { return importer; }
    public UnmatchedStudies unmatchedStudies() { return unmatchedStudies; }
    public StorageScpService storageScp() { return storageScp; }
    /** Query/retrieve against the PACS set in Settings, for the Scans screen. */
    public PacsQueryRetrieve pacs() { return pacs; }
    public SyncService sync() { return sync; }
    /** Sign-in as the window does it: against the central store when one is configured, else locally. */
    public CentralSignIn signIn() { return signIn; }
    public SettingsEditor settingsEditor() { return settingsEditor; }
    public UserActivity userActivity() { return userActivity; }
    public ViewerServices viewer() { return viewer; }
    /** The first-run assistant's one call: a fresh workstation's first administrator and settings. */
    public WorkstationSetup setup() { return setup; }

    @Override
    public void close() {
        storageScp.close();
        sync.close();
        frameLoader.close();
        database.close();
    }
}
