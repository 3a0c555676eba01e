package org.lightbox.app;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lightbox.auth.UserAccount;
import org.lightbox.dicom.sample.DemoStudies;
import org.lightbox.dicom.sample.DemoStudy;
import org.lightbox.domain.Actor;
import org.lightbox.domain.ModalityType;
import org.lightbox.domain.Role;
import org.lightbox.report.Report;
import org.lightbox.report.ReportSections;
import org.lightbox.report.Reporting;
import org.lightbox.report.SigningRequest;
import org.lightbox.request.ImagingCenter;
import org.lightbox.request.ImagingRequest;
import org.lightbox.request.IntakeOutcome;
import org.lightbox.request.Modality;
import org.lightbox.request.RequestForm;
import org.lightbox.store.DemoContent;

/**
 * Demo content for a first start: a hospital, its scanners, and requests in every state, with due
 * times relative to now so the worklist looks like a morning in a reading room. The patients and
 * images are the synthetic ones of {@code sample-dicom/} ({@link DemoStudies}).
 */
final class DemoData {
    private final Workstation workstation;
    private final Actor actor = Actor.SYSTEM;
    private final Map<ModalityType, Modality> scanners = new HashMap<>();

    DemoData(Workstation workstation) {
        this.workstation = workstation;
    }

    void seed() {
        // First, so that even a half-seeded folder is never connected to a central store.
        workstation.settings().write(DemoContent.KEY, new DemoContent(true));
        ImagingCenter hospital = workstation.facilities().addCenter(actor, "Lightbox Demo Hospital");
        for (String[] s : new String[][] {{"CT-1", "CT"}, {"MR-1", "MR"}, {"CR-1", "CR"}, {"DX-1", "DX"}, {"US-1", "US"}}) {
            ModalityType type = ModalityType.of(s[1]);
            scanners.put(type, workstation.facilities().addModality(actor, s[0], type, s[0].replace("-", ""), hospital.id()));
        }
        Instant now = workstation.clock().instant();
        String center = hospital.id();

        // Studies whose images are in sample-dicom: performed at staggered times, waiting to be read.
        performed(demo("DEMO0001"), "stat", "Sudden left-sided weakness, onset 2 h ago. Bleed?", center, now.minus(minutes(25)));
        performed(demo("DEMO0002"), "urgent", "Pleuritic chest pain, raised D-dimer. PE?", center, now.minus(minutes(5 * 60)));
        performed(demo("DEMO0003"), "routine", "Twisting injury, locking and effusion. Meniscal tear?", center, now.minus(minutes(3 * 60)));
        ImagingRequest chest = performed(demo("DEMO0004"), "routine", "Productive cough and fever for 5 days.", center,
                now.minus(minutes(2 * 60)));
        performed(demo("DEMO0005"), "urgent", "Right upper quadrant pain, Murphy sign positive.", center, now.minus(minutes(40)));
        workstation.users().findByUsername("radiologist").map(UserAccount::id)
                .ifPresent(radiologist -> workstation.assignments().assignTo(actor, chest.id(), radiologist));

        // The prior of DEMO0001: read and released long ago.
        ImagingRequest prior = performed(demo("DEMO0000"), "routine", "Chronic headache.", center, now.minus(Duration.ofDays(365)));

        // The sinus study arrives without an accession: scheduled here, linked by hand from the unmatched queue.
        DemoStudy sinus = DemoStudies.all().stream().filter(s -> s.accession().isEmpty()).findFirst().orElseThrow();
        ImagingRequest sinusRequest = create(sinus, "DEMO0006", "routine", "Chronic sinusitis, pre-operative.", center);
        workstation.lifecycle().schedule(actor, sinusRequest.id(), scanners.get(ModalityType.CT).id(), now.minus(minutes(60)));

        // Requests still waiting for their scan.
        newPatient("DEMO0007", "LB-100007", "Haddad", "Omar", "1957-02-08", "M", "stat", "CT", "CT head stroke protocol",
                "Aphasia since 40 min, on anticoagulants.", center, null);
        newPatient("DEMO0008", "LB-100008", "Lindgren", "Maja", "1972-12-01", "F", "routine", "MR", "MR brain with contrast",
                "Follow-up of meningioma.", center, tomorrowAt(9, 30));
        newPatient("DEMO0009", "LB-100009", "Okoye", "Chidi", "2001-04-17", "M", "routine", "DX", "Wrist X-ray left",
                "Fall on outstretched hand.", center, LocalDateTime.now(workstation.clock()).plusHours(2));
        ImagingRequest cancelled = newPatient("DEMO0010", "LB-100010", "Fischer", "Paul", "1966-08-23", "M", "routine", "US",
                "US abdomen", "Raised liver enzymes.", center, null);
        workstation.lifecycle().cancel(actor, cancelled.id(), "Patient discharged before the scan");

        // The images, through the real importer: the performed requests keep their times, the sinus
        // study (no accession) waits in the unmatched queue for the technologist.
        SampleStudies.importInto(workstation.importer());
        // After the import: a report is signed on the study it reads.
        priorReport(prior);
    }

    /**
     * The prior's report: opened, signed and released through the reporting services like any other,
     * by a demo radiologist whose random password is used once here and never shown (nobody signs in as them).
     */
    private void priorReport(ImagingRequest prior) {
        char[] password = new char[24];
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < password.length; i++) {
            password[i] = (char) ('a' + random.nextInt(26));
        }
        Actor reader = workstation.users().create(actor, "prior.reader", "Dr. Henrik Aalto", EnumSet.of(Role.RADIOLOGIST), password)
                .asActor();
        Reporting reporting = workstation.reporting();
        Report draft = reporting.open(reader, prior.id()).report();
        ReportSections normalHead = new ReportSections("Chronic headache.",
                "Axial CT images of the head were obtained without intravenous contrast. Coronal and sagittal reformats were reviewed.",
                "None.",
                "No intracranial haemorrhage, mass effect or midline shift. Grey-white matter differentiation is preserved."
                        + "\nThe ventricles and sulci are normal in size for age. No extra-axial collection."
                        + "\nNo fracture. The visualised paranasal sinuses and mastoid air cells are clear.",
                "Normal CT head. No cause for the headache is seen.");
        reporting.sign(reader, draft.id(), new SigningRequest(normalHead, false, null, false), password);
        reporting.release(reader, prior.id());
        java.util.Arrays.fill(password, ' ');
    }

    private DemoStudy demo(String accession) {
        return DemoStudies.all().stream().filter(s -> s.accession().equals(accession)).findFirst().orElseThrow();
    }

    private ImagingRequest performed(DemoStudy study, String priority, String indication, String center, Instant performedAt) {
        ImagingRequest request = create(study, study.accession(), priority, indication, center);
        workstation.lifecycle().schedule(actor, request.id(), scanners.get(request.requestedModality()).id(),
                performedAt.minus(minutes(15)));
        return workstation.lifecycle().markPerformed(actor, request.id(), performedAt);
    }

    private ImagingRequest create(DemoStudy study, String accession, String priority, String indication, String center) {
        String[] name = study.patient().dicomName().split("\\^");
        return submit(new RequestForm(study.patient().mrn(), titleCase(name[0]), name.length > 1 ? titleCase(name[1]) : "",
                study.patient().birthDate().toString(), study.patient().sex(), accession, "Dr. Lena Marsh", priority,
                study.modality(), study.description(), indication, center, null, null));
    }

    private ImagingRequest newPatient(String accession, String mrn, String family, String given, String born, String sex,
            String priority, String modality, String description, String indication, String center, LocalDateTime scheduledAt) {
        String scanner = scheduledAt == null ? null : scanners.get(ModalityType.of(modality)).id();
        return submit(new RequestForm(mrn, family, given, born, sex, accession, "Dr. Lena Marsh", priority, modality,
                description, indication, center, scanner, scheduledAt));
    }

    private ImagingRequest submit(RequestForm form) {
        IntakeOutcome outcome = workstation.intake().submit(actor, form, true);
        return ((IntakeOutcome.Created) outcome).request();
    }

    private LocalDateTime tomorrowAt(int hour, int minute) {
        return LocalDate.now(workstation.clock()).plusDays(1).atTime(LocalTime.of(hour, minute));
    }

    private static Duration minutes(long n) {
        return Duration.ofMinutes(n);
    }

    private static String titleCase(String word) {
        return word.isEmpty() ? word : word.charAt(0) + word.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    /** The demo patients the sample studies belong to, for tests. */
    static List<DemoStudy> studies() {
        return DemoStudies.all();
    }
}
