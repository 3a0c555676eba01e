package org.lightbox.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.app.DataFolder;
import org.lightbox.app.Workstation;
import org.lightbox.auth.PasswordHasher;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Ids;
import org.lightbox.domain.Role;
import org.lightbox.request.ImagingRequest;
import org.lightbox.request.IntakeOutcome;
import org.lightbox.request.RequestForm;
import org.lightbox.store.Sql;

/**
 * kill -9 mid-typing: a child JVM types findings into the editor with its real autosave; the test
 * kills it without warning and opens the data folder again. The draft is there, exactly what was
 * typed up to some point, and nothing typed more than a second before the kill is missing.
 */
class DraftCrashTest {
    private static final int KEYSTROKES_BEFORE_KILL = 200;

    @TempDir
    Path dir;

    @Test
    void aDraftSurvivesKillDashNineWithAtMostTheLastSecondLost() throws Exception {
        ImagingRequest request = scannedStudyWithRadiologist();

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DraftTypist.class.getName(), dir.toString(), request.id(), "grace")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<Long> typedAt = new ArrayList<>();
        long killedAt;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).as("the child opened the draft").isEqualTo("ready");
            String line;
            while ((line = out.readLine()) != null && typedAt.size() < KEYSTROKES_BEFORE_KILL) {
                typedAt.add(Long.parseLong(line.split(" ")[2]));
            }
            killedAt = System.nanoTime();
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush, no goodbye
            child.waitFor();
        }

        String expected = typed(typedAt.size());
        long oneSecondBeforeKill = killedAt - Duration.ofSeconds(1).toNanos();
        long mustHave = typedAt.stream().filter(t -> t <= oneSecondBeforeKill).count();
        try (Workstation restarted = Workstation.open(new DataFolder(dir), Clock.systemUTC(), new PasswordHasher(1_000))) {
            String findings = restarted.reporting().reportOf(request.id()).orElseThrow().sections().findings();
            String everythingTyped = typed(typedAt.size() + 50);
            assertThat(everythingTyped).as("the saved draft is what was typed, in order").startsWith(findings);
            assertThat(findings.length()).as("keystrokes more than 1 s before the kill are all saved (" + mustHave + ")")
                    .isGreaterThanOrEqualTo((int) mustHave);
            assertThat(expected.length()).isEqualTo(KEYSTROKES_BEFORE_KILL);
            long lostMillis = findings.isEmpty() ? -1 : (killedAt - typedAt.get(findings.length() - 1)) / 1_000_000;
            System.out.printf("DraftCrashTest: %d of %d keystrokes on disk after kill -9; the last saved one was typed %d ms"
                    + " before the kill%n", findings.length(), typedAt.size(), lostMillis);
        }
    }

    private static String typed(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(DraftTypist.TEXT.charAt(i % DraftTypist.TEXT.length()));
        }
        return s.toString();
    }

    private ImagingRequest scannedStudyWithRadiologist() {
        try (Workstation ws = Workstation.open(new DataFolder(dir), Clock.systemUTC(), new PasswordHasher(1_000))) {
            ws.users().create(Actor.SYSTEM, "grace", "Dr. Grace", java.util.EnumSet.of(Role.RADIOLOGIST),
                    "correct horse battery".toCharArray());
            String modality = ws.facilities().addModality(Actor.SYSTEM, "CT-1", org.lightbox.domain.ModalityType.CT, null, null).id();
            ImagingRequest r = ((IntakeOutcome.Created) ws.intake().submit(Actor.SYSTEM, new RequestForm("MRN1", "Moreau", "Alice",
                    "1954-03-12", "F", "ACC1", "Dr. Marsh", "routine", "CT", "CT head", "Headache", null, null, null), true)).request();
            ws.lifecycle().schedule(Actor.SYSTEM, r.id(), modality, ws.clock().instant().minusSeconds(900));
            ws.lifecycle().markPerformed(Actor.SYSTEM, r.id(), ws.clock().instant().minusSeconds(600));
            ws.database().update(tx -> Sql.update(tx, "INSERT INTO dicom_study(id, study_instance_uid, request_id, patient_id,"
                    + " storage_path, received_at, updated_at) VALUES (?, '1.2.3', ?, ?, 's', 0, 0)", Ids.newId(), r.id(),
                    r.patient().id()));
            return r;
        }
    }
}
