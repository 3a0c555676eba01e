package org.lightbox.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.lightbox.app.DataFolder;
import org.lightbox.app.Workstation;
import org.lightbox.auth.PasswordHasher;
import org.lightbox.domain.Actor;
import org.lightbox.domain.ModalityType;
import org.lightbox.domain.Role;
import org.lightbox.request.ImagingRequest;
import org.lightbox.request.IntakeOutcome;
import org.lightbox.request.RequestForm;

/**
 * A workstation on a real SQLite file in a temp folder, with a clock the test controls and the people
 * of a small department. Password hashing uses few iterations so that tests stay fast; production's
 * iteration count is checked by its own test.
 */
public final class Scenario implements AutoCloseable {
    public static final String PASSWORD = "correct horse battery";

    public final MutableClock clock = MutableClock.morning();
    public final Workstation workstation;
    private int accessionCounter;

    public Scenario(Path dir) {
        this.workstation = Workstation.open(new DataFolder(dir), clock, new PasswordHasher(1_000));
    }

    public Actor user(String username, Role... roles) {
        return workstation.users().create(Actor.SYSTEM, username, "Dr. " + capitalized(username),
                roles.length == 0 ? EnumSet.of(Role.RADIOLOGIST) : EnumSet.of(roles[0], roles), PASSWORD.toCharArray()).asActor();
    }

    public Actor admin() {
        return user("admin", Role.ADMIN);
    }

    /** A valid intake form for a new patient; tests change the field they are about. */
    public RequestForm form(String mrn, String family) {
        return new RequestForm(mrn, family, "Alice", "1954-03-12", "F", "ACC" + (++accessionCounter), "Dr. Marsh", "routine",
                "CT", "CT head without contrast", "Headache", null, null, null);
    }

    public ImagingRequest request(Actor actor, RequestForm form) {
        return ((IntakeOutcome.Created) workstation.intake().submit(actor, form, true)).request();
    }

    /** A request for a new patient, scanned {@code ago} and waiting to be read. */
    public ImagingRequest performed(Actor actor, String mrn, String family, String priority, Duration ago) {
        return performed(actor, mrn, family, priority, ago, "CT", "CT head without contrast");
    }

    /** The same, for an exam of another modality ({@code modality} a DICOM code: "MR", "CR" ...). */
    public ImagingRequest performed(Actor actor, String mrn, String family, String priority, Duration ago, String modality,
            String description) {
        return performed(actor, mrn, family, priority, ago, modality, description, null);
    }

    /** The same, ordered at the imaging center {@code centerId}. */
    public ImagingRequest performed(Actor actor, String mrn, String family, String priority, Duration ago, String modality,
            String description, String centerId) {
        RequestForm f = form(mrn, family);
        ImagingRequest r = request(actor, new RequestForm(f.mrn(), f.familyName(), f.givenName(), f.birthDate(), f.sex(),
                f.accession(), f.orderingClinician(), priority, modality, description, f.clinicalIndication(), centerId,
                null, null));
        Instant scannedAt = clock.instant().minus(ago);
        workstation.lifecycle().schedule(Actor.SYSTEM, r.id(), scanner(r.requestedModality()), scannedAt.minus(Duration.ofMinutes(10)));
        return workstation.lifecycle().markPerformed(actor, r.id(), scannedAt);
    }

    /** The id of a scanner of this type, added the first time one is needed. */
    public String scanner(ModalityType type) {
        return workstation.facilities().modalities().stream().filter(m -> m.type() == type).findFirst()
                .orElseGet(() -> workstation.facilities().addModality(Actor.SYSTEM, type.code() + "-1", type, null, null)).id();
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    @Override
    public void close() {
        workstation.close();
    }
}
