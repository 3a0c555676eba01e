package org.lightbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.auth.PasswordHasher;
import org.lightbox.domain.Actor;
import org.lightbox.domain.RequestStatus;
import org.lightbox.report.SignedVersion;
import org.lightbox.request.ImagingRequest;
import org.lightbox.testing.MutableClock;

/** The demo's prior CT head comes with a signed, released report, so that the prior has something to read. */
class DemoPriorReportTest {
    @TempDir
    Path dir;

    @Test
    void thePriorCtHeadHasASignedReleasedNormalReport() {
        try (Workstation ws = Workstation.open(new DataFolder(dir), MutableClock.morning(), new PasswordHasher(1_000))) {
            new DemoData(ws).seed();

            ImagingRequest prior = ws.requests().byAccession("DEMO0000").orElseThrow();
            assertThat(prior.status()).isEqualTo(RequestStatus.RELEASED);
            assertThat(ws.reporting().signedVersions(Actor.SYSTEM, prior.id())).singleElement().satisfies((SignedVersion v) -> {
                assertThat(v.sections().impression()).isEqualTo("Normal CT head. No cause for the headache is seen.");
                assertThat(v.signerName()).isEqualTo("Dr. Henrik Aalto");
                assertThat(v.isIntact()).isTrue();
            });
            assertThat(ws.reporting().verify(prior.id()).isIntact()).isTrue();
        }
    }
}
